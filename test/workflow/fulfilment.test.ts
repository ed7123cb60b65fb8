import { type WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelUpdate,
  type orderSaga,
  progressQuery,
} from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { DEADLINE_PASSED } from '../../src/application/sagas/order-saga.js';
import { deliveryUpdate, PARCEL, shipmentUpdate, untilWaitingFor } from './support/fulfilment.js';
import { SagaEnv } from './support/saga-env.js';
import { type ActivityName, type Behaviour, heldStep, stubActivities } from './support/stub-activities.js';

const DAY = 24 * 60 * 60 * 1000;
// What undoes a confirmed order, in the order it runs: its stock back on the shelf, the refund, the
// release (a no-op once the stock is back), the order cancelled.
const UNDO_CONFIRMED: ActivityName[] = [
  'returnCommittedStock',
  'voidOrRefundPayment',
  'releaseStock',
  'cancelOrder',
];

// Days pass in milliseconds: the test server skips its clock ahead whenever the saga only waits.
describe('order fulfilment on the time-skipping test server', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  // Runs the saga up to its wait for the shipment, then `body`; answers the stubs and what body returned.
  async function confirmed<T>(
    body: (handle: WorkflowHandle<typeof orderSaga>, confirmedAt: number) => Promise<T>,
    behaviour?: (name: ActivityName, attempt: number) => Behaviour,
  ) {
    const stubs = stubActivities(behaviour);
    const outcome = await saga.withSaga(stubs.activities, async (handle) => {
      await untilWaitingFor(saga.env, handle, 'shipment');
      return body(handle, await saga.env.currentTimeMs());
    });
    const undone = () => stubs.succeeded().filter((name) => UNDO_CONFIRMED.includes(name));
    return { outcome, stubs, undone };
  }

  const elapsedSince = async (from: number) => (await saga.env.currentTimeMs()) - from;

  it('waits for the shipment with a 7-day deadline, ships on day 3 and ends DELIVERED, the deadline long gone', async () => {
    const { outcome, stubs, undone } = await confirmed(async (handle, confirmedAt) => {
      const waiting = await handle.query(progressQuery);
      expect(waiting.phase).toBe('CONFIRMED');
      expect(Date.parse(waiting.waitingFor?.deadline ?? '') - confirmedAt).toBeGreaterThan(7 * DAY - 60_000);

      await saga.env.sleep('3 days');
      expect(await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] })).toBe('SHIPPED');
      // Past the shipping deadline: once shipped, it no longer applies.
      await saga.env.sleep('6 days');
      expect((await handle.query(progressQuery)).waitingFor).toEqual({ news: 'delivery', deadline: null });
      expect(await handle.executeUpdate(deliveryUpdate, { args: [{}] })).toBe('DELIVERED');
      return { result: await handle.result(), days: (await elapsedSince(confirmedAt)) / DAY };
    });

    expect(outcome.result).toMatchObject({ status: 'DELIVERED' });
    expect(outcome.days).toBeGreaterThanOrEqual(9);
    expect(stubs.calls.find((call) => call.name === 'shipOrder')?.input).toMatchObject(PARCEL);
    expect(stubs.succeeded().slice(-2)).toEqual(['shipOrder', 'deliverOrder']);
    expect(undone()).toEqual([]);
  });

  it('refunds, restocks and cancels an order not shipped by day 7, with FULFILMENT.DEADLINE_PASSED', async () => {
    const { outcome, undone } = await confirmed(async (handle) => ({
      result: await handle.result(),
      progress: await handle.query(progressQuery),
    }));

    expect(outcome.result).toMatchObject({
      status: 'CANCELLED',
      code: DEADLINE_PASSED,
      failedStep: 'shipment',
    });
    const wait = outcome.progress.steps.find((step) => step.step === 'shipment');
    const waited = Date.parse(wait?.finishedAt ?? '') - Date.parse(wait?.startedAt ?? '');
    expect(waited).toBeGreaterThanOrEqual(7 * DAY);
    expect(waited).toBeLessThan(7 * DAY + 60_000);
    expect(wait).toMatchObject({ state: 'failed', error: { code: DEADLINE_PASSED } });
    expect(undone()).toEqual(UNDO_CONFIRMED);
  });

  it('lets the customer cancel on day 2, before shipment: refund and restock', async () => {
    const { outcome, stubs, undone } = await confirmed(async (handle) => {
      await saga.env.sleep('2 days');
      await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'found it cheaper' }] });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'CANCELLED', code: 'ORDER.CANCELLED_ON_REQUEST' });
    expect(undone()).toEqual(UNDO_CONFIRMED);
    expect(stubs.succeeded()).not.toContain('shipOrder');
  });

  it('refuses a cancel once the order has shipped', async () => {
    const { outcome } = await confirmed(async (handle) => {
      await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] });
      const refused = handle.executeUpdate(cancelUpdate, { args: [{}] });
      await expect(refused).rejects.toMatchObject({ cause: { type: 'ORDER.NOT_CANCELLABLE' } });
      await handle.executeUpdate(deliveryUpdate, { args: [{}] });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'DELIVERED' });
  });

  it('refuses a shipment one second after the deadline, recording nothing of it', async () => {
    // The first undo is held, so that the shipment reaches a saga that is still compensating.
    const undo = heldStep();
    const { outcome, stubs, undone } = await confirmed(
      async (handle) => {
        await saga.env.sleep(`${7 * 24 * 60 * 60 + 1} seconds`);
        expect((await handle.query(progressQuery)).phase).toBe('COMPENSATING');
        const late = handle.executeUpdate(shipmentUpdate, { args: [PARCEL] });
        await expect(late).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
        await expect(late).rejects.toMatchObject({ cause: { type: DEADLINE_PASSED } });
        undo.release();
        return handle.result();
      },
      (name) => (name === 'returnCommittedStock' ? undo.behaviour : { kind: 'ok' }),
    );

    expect(outcome).toMatchObject({ status: 'CANCELLED', code: DEADLINE_PASSED });
    expect(stubs.calls.map((call) => call.name)).not.toContain('shipOrder');
    // The held undo timed out and ran again meanwhile: each undo at least once, in order.
    expect([...new Set(undone())]).toEqual(UNDO_CONFIRMED);
  });

  it('records the same shipment sent twice once, and refuses another parcel', async () => {
    const { outcome, stubs } = await confirmed(async (handle) => {
      const twice = await Promise.all([
        handle.executeUpdate(shipmentUpdate, { args: [PARCEL] }),
        handle.executeUpdate(shipmentUpdate, { args: [PARCEL] }),
      ]);
      expect(twice).toEqual(['SHIPPED', 'SHIPPED']);
      expect(await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] })).toBe('SHIPPED');
      const other = handle.executeUpdate(shipmentUpdate, { args: [{ ...PARCEL, trackingNumber: 'X9' }] });
      await expect(other).rejects.toMatchObject({ cause: { type: 'ORDER.NOT_SHIPPABLE' } });
      await handle.executeUpdate(deliveryUpdate, { args: [{}] });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'DELIVERED' });
    expect(stubs.tries('shipOrder')).toBe(1);
  });

  it('refuses a delivery before the shipment', async () => {
    const { outcome } = await confirmed(async (handle) => {
      const early = handle.executeUpdate(deliveryUpdate, { args: [{}] });
      await expect(early).rejects.toMatchObject({ cause: { type: 'ORDER.NOT_DELIVERABLE' } });
      await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] });
      await handle.executeUpdate(deliveryUpdate, { args: [{}] });
      return handle.result();
    });

    expect(outcome).toMatchObject({ status: 'DELIVERED' });
  });

  it('lands in COMPENSATION_FAILED when the gateway keeps refusing the refund of a missed deadline', async () => {
    const { outcome, stubs } = await confirmed(
      async (handle) => {
        let progress = await handle.query(progressQuery);
        for (let i = 0; i < 400 && progress.phase !== 'COMPENSATION_FAILED'; i++) {
          await saga.env.sleep('1 hour');
          progress = await handle.query(progressQuery);
        }
        await handle.terminate('test over');
        return progress;
      },
      (name) => (name === 'voidOrRefundPayment' ? { kind: 'fault' } : { kind: 'ok' }),
    );

    expect(outcome.phase).toBe('COMPENSATION_FAILED');
    expect(outcome.failure).toMatchObject({ code: DEADLINE_PASSED });
    expect(outcome.compensations.map((c) => [c.compensation, c.state])).toEqual([
      ['returnCommittedStock', 'done'],
      ['voidOrRefundPayment', 'failed'],
      ['releaseStock', 'pending'],
      ['cancelOrder', 'pending'],
    ]);
    expect(stubs.succeeded()).toContain('markCompensationFailed');
  });
});
