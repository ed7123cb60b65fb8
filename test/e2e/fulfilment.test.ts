import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_PASSED } from '../../src/application/sagas/order-saga.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

const PARCEL = { carrier: 'DHL', trackingNumber: 'JD0146' };

// Issue 16 on the real stack: one order shipped and delivered, another past a shipping deadline of a
// few seconds (a durable timer on the Temporal dev server), refunded at the gateway and its stock back.
describe('fulfilment on the real stack', () => {
  const world = new SagaWorld({ shippingDeadlineSeconds: 4 });
  let worker: WorkerProcess;

  beforeAll(async () => {
    await world.resources.prepare();
    worker = await WorkerProcess.start(world.config);
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await world.close();
  });

  async function confirmedOrder(productId: string) {
    const { orderId } = await world.useCases.placeOrder.execute({
      customerId: 'c-e2e',
      cardToken: 'tok_visa',
      lines: [{ productId, quantity: 2 }],
    });
    expect(await world.sagaResult(orderId)).toMatchObject({ status: 'CONFIRMED' });
    return orderId;
  }

  it('ships and delivers a confirmed order; the same shipment again is recorded once', async () => {
    const productId = await world.product(5);
    const orderId = await confirmedOrder(productId);
    const fulfil = world.apiUseCases.recordFulfilment;

    expect(await fulfil.shipped(orderId, PARCEL)).toMatchObject({ status: 'SHIPPED', shipment: PARCEL });
    expect(await fulfil.shipped(orderId, PARCEL)).toMatchObject({ status: 'SHIPPED' });
    expect(await fulfil.delivered(orderId)).toMatchObject({ status: 'DELIVERED' });

    expect(await world.sagaEnd(orderId)).toMatchObject({ status: 'DELIVERED' });
    expect(await fulfil.delivered(orderId)).toMatchObject({ status: 'DELIVERED' });
    expect(await world.ledger(orderId)).toMatchObject({ captured: 2500, refunded: 0, netCharged: 2500 });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 3,
      committed: 2,
    });
  });

  it('refunds and restocks an order not shipped by its deadline, and refuses its late shipment', async () => {
    const productId = await world.product(5);
    const orderId = await confirmedOrder(productId);

    expect(await world.sagaEnd(orderId)).toMatchObject({
      status: 'CANCELLED',
      code: DEADLINE_PASSED,
      failedStep: 'shipment',
    });
    expect(await world.useCases.getOrder.execute({ orderId })).toMatchObject({
      status: 'CANCELLED',
      failure: { code: DEADLINE_PASSED },
    });
    expect(await world.ledger(orderId)).toMatchObject({ captured: 2500, refunded: 2500, netCharged: 0 });
    expect(await world.useCases.getProductStock.execute({ productId })).toEqual({
      productId,
      available: 5,
      reserved: 0,
      committed: 0,
    });
    await expect(world.apiUseCases.recordFulfilment.shipped(orderId, PARCEL)).rejects.toMatchObject({
      code: DEADLINE_PASSED,
    });
  });
});
