import { describe, expect, it } from 'vitest';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithAnOrder() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  const { body } = await world.placeOrder(anOrderBody());
  return { world, orderId: body.orderId };
}

const stuck = {
  phase: 'COMPENSATION_FAILED' as const,
  failure: null,
  steps: [],
  compensations: [],
  waitingFor: null,
};

describe('POST /orders/{orderId}/compensation/retry', () => {
  it('asks a saga stuck in COMPENSATION_FAILED to retry, with an ops:compensation key', async () => {
    const { world, orderId } = await worldWithAnOrder();
    world.sagaControl.report(orderId, stuck);
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/compensation/retry`,
      headers: await world.withKey('ops:compensation'),
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ orderId, compensation: 'RETRYING' });
    expect((await world.sagaControl.progressOf(orderId))?.phase).toBe('COMPENSATING');
  });

  it('answers 409 SAGA.NOT_STUCK for a saga that is not stuck, and 404 for no saga', async () => {
    const { world, orderId } = await worldWithAnOrder();
    const ops = await world.withKey('ops:compensation');
    const running = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/compensation/retry`,
      headers: ops,
    });
    const none = await world.app.inject({
      method: 'POST',
      url: '/orders/never-placed/compensation/retry',
      headers: ops,
    });
    expect(running.json()).toMatchObject({ status: 409, code: 'SAGA.NOT_STUCK' });
    expect(none.json()).toMatchObject({ status: 404, code: 'ORDER.NOT_FOUND' });
  });

  it("refuses the order's own customer and a key without the scope with 403", async () => {
    const { world, orderId } = await worldWithAnOrder();
    world.sagaControl.report(orderId, stuck);
    for (const headers of [await world.asCustomer('customer-1'), await world.withKey('orders:read-all')]) {
      const response = await world.app.inject({
        method: 'POST',
        url: `/orders/${orderId}/compensation/retry`,
        headers,
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await world.sagaControl.progressOf(orderId))?.phase).toBe('COMPENSATION_FAILED');
  });
});
