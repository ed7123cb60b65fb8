import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { newsUpdate, progressQuery } from '../../../src/adapters/temporal/workflows/order-saga.workflow.js';
import type { ShipmentNews } from '../../../src/application/sagas/order-saga.js';

export const PARCEL: ShipmentNews = { carrier: 'DHL', trackingNumber: 'JD0146' };
export const shipmentUpdate = newsUpdate<ShipmentNews>('shipment');
export const deliveryUpdate = newsUpdate<object>('delivery');

// Plays the warehouse for a saga whose test is about its steps: ships and delivers the order as soon as
// it waits for either, and returns once the saga is closed. Moves the test server's clock a second at a
// time (awaiting the result instead would skip straight past the shipping deadline).
export async function shipAndDeliverWhenAsked(env: TestWorkflowEnvironment, handle: WorkflowHandle) {
  for (;;) {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') return;
    const waitingFor = (await handle.query(progressQuery)).waitingFor?.news;
    if (waitingFor === 'shipment') await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] });
    else if (waitingFor === 'delivery') await handle.executeUpdate(deliveryUpdate, { args: [{}] });
    else await env.sleep('1 second');
  }
}

// Moves the test server's clock until the saga waits for `news` (or is no longer running).
export async function untilWaitingFor(env: TestWorkflowEnvironment, handle: WorkflowHandle, news: string) {
  for (;;) {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING')
      throw new Error(`saga ${handle.workflowId} ended before waiting for ${news}`);
    if ((await handle.query(progressQuery)).waitingFor?.news === news) return;
    await env.sleep('1 second');
  }
}
