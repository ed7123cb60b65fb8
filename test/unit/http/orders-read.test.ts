import { describe, expect, it, vi } from 'vitest';
import { DependencyUnavailable } from '../../../src/application/transient-fault.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithAnOrder() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  const { body } = await world.placeOrder(anOrderBody());
  return { world, orderId: body.orderId };
}

describe('GET /orders/{orderId}', () => {
  it('shows an order its saga has not stored yet as PENDING, as it was placed', async () => {
    const { world, orderId } = await worldWithAnOrder();
    const response = await world.app.inject({
      url: `/orders/${orderId}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: orderId,
      customerId: 'customer-1',
      status: 'PENDING',
      total: { amount: 17_998, currency: 'EUR' },
      progress: { phase: 'RUNNING' },
    });
    expect(await world.orders.findById(orderId)).toBeNull();
  });

  it('shows an order its saga never stored and then cancelled as CANCELLED, never PENDING', async () => {
    const { world, orderId } = await worldWithAnOrder();
    const running = await world.sagaControl.progressOf(orderId);
    if (running === null) throw new Error('no saga');
    const failure = { code: 'ORDER.CANCELLED_ON_REQUEST', reason: 'changed my mind', step: null };
    world.sagaControl.report(orderId, { ...running, phase: 'CANCELLED', failure });

    const response = await world.app.inject({
      url: `/orders/${orderId}`,
      headers: await world.asCustomer('customer-1'),
    });

    expect(response.json()).toMatchObject({
      status: 'CANCELLED',
      failure: { code: 'ORDER.CANCELLED_ON_REQUEST', reason: 'changed my mind' },
      progress: { phase: 'CANCELLED' },
    });
  });

  it("shows the stored order with its status, lines, failure and the saga's steps", async () => {
    const { world, orderId } = await worldWithAnOrder();
    await world.storeOrder(orderId);
    await world.useCases.cancelOrder.execute({ orderId, code: 'PAYMENT.DECLINED', reason: 'card declined' });
    const response = await world.app.inject({
      url: `/orders/${orderId}`,
      headers: await world.asCustomer('customer-1'),
    });
    const body = response.json();
    expect(body).toMatchObject({
      status: 'CANCELLED',
      failure: { code: 'PAYMENT.DECLINED', reason: 'card declined' },
      lines: [{ productId: 'kb-ergo', quantity: 2, unitPrice: { amount: 8999, currency: 'EUR' } }],
    });
    expect(body.version).toBeUndefined();
    expect(body.progress.steps.map((step: { step: string }) => step.step)).toEqual([
      'createOrder',
      'reserveStock',
      'authorizePayment',
      'capturePayment',
      'commitStock',
      'confirmOrder',
    ]);
  });

  it('still shows a stored order, with null progress, when the saga cannot be asked', async () => {
    const { world, orderId } = await worldWithAnOrder();
    await world.storeOrder(orderId);
    vi.spyOn(world.sagaControl, 'progressOf').mockRejectedValue(new DependencyUnavailable('Temporal'));
    const response = await world.app.inject({
      url: `/orders/${orderId}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: orderId, status: 'PENDING', progress: null });
  });

  it('answers 503 when the order is not stored and Temporal cannot say whether it exists', async () => {
    const { world, orderId } = await worldWithAnOrder();
    vi.spyOn(world.sagaControl, 'startedSagaOf').mockRejectedValue(new DependencyUnavailable('Temporal'));
    const response = await world.app.inject({
      url: `/orders/${orderId}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
  });

  it('answers 404 ORDER.NOT_FOUND for an order nobody placed', async () => {
    const { world } = await worldWithAnOrder();
    const response = await world.app.inject({
      url: '/orders/never-placed',
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ORDER.NOT_FOUND', instance: '/orders/never-placed' });
  });

  it.each([['a.b'], ['%24where'], ['x'.repeat(101)]])('refuses the order id %s with 400', async (id) => {
    const { world } = await worldWithAnOrder();
    const response = await world.app.inject({
      url: `/orders/${id}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field: 'orderId' });
  });
});
