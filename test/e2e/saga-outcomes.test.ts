import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../support/settings.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

// The saga over PostgreSQL, FerretDB, the gateway simulator and the Temporal dev server, run by the real
// worker process; each test checks all three systems, not only the order.
describe('order saga on the real stack', () => {
  const world = new SagaWorld();
  let worker: WorkerProcess;

  beforeAll(async () => {
    await world.resources.prepare();
    worker = await WorkerProcess.start(world.config);
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await world.close();
  });

  async function place(lines: { productId: string; quantity: number }[], cardToken = 'tok_visa') {
    const placed = await world.useCases.placeOrder.execute({ customerId: 'c-e2e', cardToken, lines });
    const result = await world.sagaResult(placed.orderId);
    const order = await world.useCases.getOrder.execute({ orderId: placed.orderId });
    return { placed, result, order, ledger: await world.ledger(placed.orderId) };
  }

  it('confirms an order: stock committed, payment captured once', async () => {
    const productId = await world.product(5, 1250);

    const { placed, result, order, ledger } = await place([{ productId, quantity: 2 }]);

    expect(result.status).toBe('CONFIRMED');
    expect(order.status).toBe('CONFIRMED');
    expect(placed.total).toEqual({ amount: 2500, currency: 'EUR' });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 3,
      reserved: 0,
      committed: 2,
    });
    expect(ledger).toMatchObject({ authorized: 2500, captured: 2500, refunded: 0, netCharged: 2500 });
  });

  it('stores every order its customer cancels the moment it is placed, cancelled, with nothing held or charged', async () => {
    const productId = await world.product(10);
    const customerId = uniqueName('c-cancel');
    const caller = { kind: 'customer', customerId } as const;
    const orders: string[] = [];
    // A race with the saga's first workflow task: several tries, so that some cancels arrive before it.
    for (let i = 0; i < 6; i++) {
      const { orderId } = await world.useCases.placeOrder.execute({
        customerId,
        cardToken: 'tok_visa',
        lines: [{ productId, quantity: 1 }],
      });
      await world.apiUseCases.requestCancellation.execute({ orderId, caller, reason: 'changed my mind' });
      orders.push(orderId);
    }

    for (const orderId of orders) {
      expect(await world.sagaResult(orderId)).toMatchObject({ status: 'CANCELLED' });
      expect(await world.useCases.getOrder.execute({ orderId })).toMatchObject({
        status: 'CANCELLED',
        failure: { code: 'ORDER.CANCELLED_ON_REQUEST', reason: 'changed my mind' },
      });
      expect(await world.ledger(orderId)).toMatchObject({ netCharged: 0 });
    }
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 10,
      reserved: 0,
      committed: 0,
    });
    const listed = await world.apiUseCases.listOrders.execute({ caller, limit: 100 });
    expect(listed.orders.map((order) => [order.id, order.status]).sort()).toEqual(
      orders.map((id) => [id, 'CANCELLED']).sort(),
    );
  });

  it('cancels an order with too little stock: nothing held, nothing charged', async () => {
    const plenty = await world.product(10);
    const scarce = await world.product(1);

    const { result, order, ledger } = await place([
      { productId: plenty, quantity: 2 },
      { productId: scarce, quantity: 3 },
    ]);

    expect(result).toMatchObject({
      status: 'CANCELLED',
      code: 'STOCK.INSUFFICIENT',
      failedStep: 'reserveStock',
    });
    expect(order).toMatchObject({ status: 'CANCELLED', failure: { code: 'STOCK.INSUFFICIENT' } });
    for (const [productId, stocked] of [
      [plenty, 10],
      [scarce, 1],
    ] as const) {
      expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
        available: stocked,
        reserved: 0,
        committed: 0,
      });
    }
    expect(ledger).toMatchObject({ authorized: 0, netCharged: 0 });
  });

  it('cancels an order whose card is declined: stock released, no net charge', async () => {
    const productId = await world.product(4);

    const { result, order, ledger } = await place([{ productId, quantity: 1 }], 'tok_decline');

    expect(result).toMatchObject({
      status: 'CANCELLED',
      code: 'PAYMENT.DECLINED',
      failedStep: 'authorizePayment',
    });
    expect(order).toMatchObject({ status: 'CANCELLED', failure: { code: 'PAYMENT.DECLINED' } });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 4,
      reserved: 0,
      committed: 0,
    });
    expect(ledger.netCharged).toBe(0);
  });

  it('confirms an order whose gateway fails twice then succeeds, charging once', async () => {
    const productId = await world.product(3, 999);

    const { result, order, ledger } = await place([{ productId, quantity: 1 }], 'tok_fail_2_then_approve');

    expect(result.status).toBe('CONFIRMED');
    expect(order.status).toBe('CONFIRMED');
    expect(ledger).toMatchObject({ authorized: 999, captured: 999, netCharged: 999 });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 2,
      committed: 1,
    });
  });
});
