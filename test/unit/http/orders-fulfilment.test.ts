import { describe, expect, it } from 'vitest';
import type { SagaProgress } from '../../../src/application/ports/saga-control.js';
import { DEADLINE_PASSED } from '../../../src/application/sagas/order-saga.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

const PARCEL = { carrier: 'DHL', trackingNumber: 'JD0146' };

function waitingFor(news: string): SagaProgress {
  const phase = news === 'shipment' ? 'CONFIRMED' : 'SHIPPED';
  return { phase, failure: null, steps: [], compensations: [], waitingFor: { news, deadline: null } };
}

// A confirmed order, stored as its saga would have left it.
async function confirmedOrder() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  const { body } = await world.placeOrder(anOrderBody());
  const { orderId } = body;
  await world.storeOrder(orderId);
  await world.useCases.confirmOrder.execute({ orderId });
  const warehouse = await world.withKey('warehouse:fulfil');
  const ship = (headers = warehouse, parcel: object = PARCEL) =>
    world.app.inject({ method: 'POST', url: `/orders/${orderId}/shipment`, payload: parcel, headers });
  const deliver = (headers = warehouse) =>
    world.app.inject({ method: 'POST', url: `/orders/${orderId}/delivery`, headers });
  return { world, orderId, ship, deliver };
}

describe('POST /orders/{orderId}/shipment and /delivery', () => {
  it('hands the shipment to a saga waiting for it and answers with the order', async () => {
    const { world, orderId, ship } = await confirmedOrder();
    world.sagaControl.report(orderId, waitingFor('shipment'));

    const response = await ship();

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: orderId });
    expect(world.sagaControl.newsSent).toEqual([{ orderId, news: 'shipment', payload: PARCEL }]);
  });

  it('refuses a shipment the saga does not wait for with 409 ORDER.NOT_SHIPPABLE, and a delivery before it with ORDER.NOT_DELIVERABLE', async () => {
    const { ship, deliver } = await confirmedOrder();

    expect((await ship()).json()).toMatchObject({ status: 409, code: 'ORDER.NOT_SHIPPABLE' });
    expect((await deliver()).json()).toMatchObject({ status: 409, code: 'ORDER.NOT_DELIVERABLE' });
  });

  it('refuses a shipment after the deadline with 409 FULFILMENT.DEADLINE_PASSED', async () => {
    const { world, orderId, ship } = await confirmedOrder();
    await world.useCases.cancelOrder.execute({
      orderId,
      code: DEADLINE_PASSED,
      reason: 'not shipped in time',
    });
    world.sagaControl.close(orderId);

    expect((await ship()).json()).toMatchObject({ status: 409, code: 'FULFILMENT.DEADLINE_PASSED' });
  });

  it('refuses an order confirmed by a saga that ended at CONFIRMED with 409 FULFILMENT.NOT_TRACKED', async () => {
    const { world, orderId, ship, deliver } = await confirmedOrder();
    world.sagaControl.close(orderId);

    expect((await ship()).json()).toMatchObject({ status: 409, code: 'FULFILMENT.NOT_TRACKED' });
    expect((await deliver()).json()).toMatchObject({ status: 409, code: 'FULFILMENT.NOT_TRACKED' });
  });

  it('answers the same shipment and delivery again with 200 once the saga is over, another parcel with 409', async () => {
    const { world, orderId, ship, deliver } = await confirmedOrder();
    await world.useCases.shipOrder.execute({ orderId, ...PARCEL });
    await world.useCases.deliverOrder.execute({ orderId });
    world.sagaControl.close(orderId);

    const again = await ship();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'DELIVERED', shipment: PARCEL });
    expect((await deliver()).statusCode).toBe(200);
    const other = await ship(undefined, { ...PARCEL, trackingNumber: 'X9' });
    expect(other.json()).toMatchObject({ status: 409, code: 'ORDER.NOT_SHIPPABLE' });
  });

  it('refuses a blank tracking number with 400, before the saga hears of it', async () => {
    const { world, orderId, ship } = await confirmedOrder();
    world.sagaControl.report(orderId, waitingFor('shipment'));

    const response = await ship(undefined, { carrier: 'DHL', trackingNumber: ' ' });

    expect(response.statusCode).toBe(400);
    expect(world.sagaControl.newsSent).toEqual([]);
  });

  it("refuses the order's customer and a catalogue key with 403, and no credential with 401", async () => {
    const { world, orderId, ship } = await confirmedOrder();
    world.sagaControl.report(orderId, waitingFor('shipment'));

    expect((await ship(await world.asCustomer('customer-1'))).statusCode).toBe(403);
    expect((await ship(await world.withKey('catalog:write'))).statusCode).toBe(403);
    expect((await ship({})).statusCode).toBe(401);
    expect(world.sagaControl.newsSent).toEqual([]);
  });
});
