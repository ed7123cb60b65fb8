import { describe, expect, it, vi } from 'vitest';
import { DependencyUnavailable } from '../../../src/application/transient-fault.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithAnOrder() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  const { body } = await world.placeOrder(anOrderBody());
  return { world, orderId: body.orderId };
}

describe('POST /orders/{orderId}/cancel', () => {
  it('asks the running saga to stop and answers 202', async () => {
    const { world, orderId } = await worldWithAnOrder();
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/cancel`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ orderId, cancellation: 'REQUESTED' });
    expect(world.sagaControl.cancellationRequested(orderId)).toBe('cancelled at the customer’s request');
  });

  it('answers 409 ORDER.NOT_CANCELLABLE, naming the status, once the saga is past cancelling', async () => {
    const { world, orderId } = await worldWithAnOrder();
    await world.storeOrder(orderId);
    await world.useCases.confirmOrder.execute({ orderId });
    world.sagaControl.report(orderId, {
      phase: 'CONFIRMED',
      failure: null,
      steps: [],
      compensations: [],
      waitingFor: null,
    });
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/cancel`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'ORDER.NOT_CANCELLABLE',
      detail: `Order ${orderId} is CONFIRMED and can no longer be cancelled`,
    });
    expect(world.sagaControl.cancellationRequested(orderId)).toBeUndefined();
  });

  it('answers a cancel sent again after it took effect as the first time, not with a 409', async () => {
    const { world, orderId } = await worldWithAnOrder();
    const failure = { code: 'ORDER.CANCELLED_ON_REQUEST', reason: 'changed my mind', step: null };
    world.sagaControl.report(orderId, {
      phase: 'COMPENSATING',
      failure,
      steps: [],
      compensations: [],
      waitingFor: null,
    });
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/cancel`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ orderId, cancellation: 'REQUESTED' });
  });

  it('answers a cancel sent again after its order ended cancelled on request with 202, from the stored order', async () => {
    const { world, orderId } = await worldWithAnOrder();
    await world.storeOrder(orderId);
    const why = { code: 'ORDER.CANCELLED_ON_REQUEST', reason: 'changed my mind' };
    await world.useCases.cancelOrder.execute({ orderId, ...why });
    world.sagaControl.report(orderId, {
      phase: 'CANCELLED',
      failure: null,
      steps: [],
      compensations: [],
      waitingFor: null,
    });
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/cancel`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(202);
  });

  it('answers 404 for an order that has no saga', async () => {
    const { world } = await worldWithAnOrder();
    const response = await world.app.inject({
      method: 'POST',
      url: '/orders/never-placed/cancel',
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ORDER.NOT_FOUND' });
  });

  it('answers 503 when Temporal does not answer', async () => {
    const { world, orderId } = await worldWithAnOrder();
    vi.spyOn(world.sagaControl, 'cancel').mockRejectedValue(new DependencyUnavailable('Temporal'));
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/cancel`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
  });

  it('refuses an invalid order id with 400', async () => {
    const { world } = await worldWithAnOrder();
    const response = await world.app.inject({
      method: 'POST',
      url: '/orders/a.b/cancel',
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.json()).toMatchObject({ status: 400, field: 'orderId' });
  });
});
