import { WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityOptions } from '../../src/adapters/temporal/workflows/activity-options.js';
import {
  cancelUpdate,
  progressQuery,
  retryCompensationUpdate,
} from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import { orderSagaDefinition } from '../../src/application/sagas/order-saga.js';
import { shipAndDeliverWhenAsked } from './support/fulfilment.js';
import { SagaEnv, sagaInput } from './support/saga-env.js';
import { type ActivityName, type Behaviour, heldStep, stubActivities } from './support/stub-activities.js';

// The activities of the saga's steps in order, and what undoes each, as the definition says.
const FORWARD = orderSagaDefinition.steps.map((step) => step.activity as ActivityName);
// ... and those that record the warehouse's news afterwards (fulfilment.test.ts is about them).
const FULFILLED: ActivityName[] = [...FORWARD, 'shipOrder', 'deliverOrder'];
const UNDO: Partial<Record<ActivityName, ActivityName>> = Object.fromEntries(
  orderSagaDefinition.steps.flatMap((step) =>
    step.undo === null ? [] : [[step.activity, step.undo.activity]],
  ),
);

function expectedCompensations(failing: ActivityName): ActivityName[] {
  const begun = FORWARD.slice(0, FORWARD.indexOf(failing) + 1);
  return begun
    .map((step) => UNDO[step])
    .filter((c): c is ActivityName => c !== undefined)
    .reverse();
}

describe('orderSaga on the time-skipping test server', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  async function run(behaviour?: (name: ActivityName, attempt: number) => Behaviour) {
    const stubs = stubActivities(behaviour);
    const taskQueue = saga.nextTaskQueue();
    const input = sagaInput();
    const result = await saga.withWorker(taskQueue, stubs.activities, async () => {
      const handle = await saga.env.client.workflow.start('orderSaga', {
        taskQueue,
        workflowId: sagaIdOf(input.orderId),
        args: [input],
      });
      await shipAndDeliverWhenAsked(saga.env, handle);
      return handle.result();
    });
    return { result, stubs, input };
  }

  it('confirms an order when every step succeeds, undoing nothing, and follows it to delivery', async () => {
    const { result, stubs, input } = await run();

    expect(result).toEqual({ status: 'DELIVERED', orderId: input.orderId });
    expect(stubs.succeeded()).toEqual(FULFILLED);
  });

  it.each(FORWARD)(
    'undoes every step begun, in reverse order, each once, when %s is refused',
    async (failing) => {
      const { result, stubs } = await run((name) =>
        name === failing ? { kind: 'refuse', code: 'STOCK.INSUFFICIENT' } : { kind: 'ok' },
      );

      expect(result).toMatchObject({ status: 'CANCELLED', code: 'STOCK.INSUFFICIENT' });
      const ran = stubs.succeeded();
      const forward = FORWARD.slice(0, FORWARD.indexOf(failing));
      expect(ran).toEqual([...forward, ...expectedCompensations(failing)]);
      // A refusal is final: the failing step was tried once.
      expect(stubs.tries(failing)).toBe(1);
    },
  );

  it('authorizes with the saved payment method the input names, and with the card token of an input without one', async () => {
    const authorized = async (input: ReturnType<typeof sagaInput>) => {
      const stubs = stubActivities();
      const taskQueue = saga.nextTaskQueue();
      const result = await saga.withWorker(taskQueue, stubs.activities, async () => {
        const handle = await saga.env.client.workflow.start('orderSaga', {
          taskQueue,
          workflowId: sagaIdOf(input.orderId),
          args: [input],
        });
        await shipAndDeliverWhenAsked(saga.env, handle);
        return handle.result();
      });
      expect(result).toEqual({ status: 'DELIVERED', orderId: input.orderId });
      return stubs
        .once()
        .filter((call) => call.name === 'authorizePayment')
        .map((call) => call.input);
    };
    const saved = sagaInput({ paymentMethodId: 'pm-ada' });
    expect(await authorized(saved)).toEqual([{ orderId: saved.orderId, paymentMethodId: 'pm-ada' }]);
    // An input of a saga started before saved methods existed: a card token and no paymentMethodId.
    const carded = sagaInput();
    expect(await authorized(carded)).toEqual([{ orderId: carded.orderId, cardToken: 'tok_visa' }]);
  });

  it('retries a transient fault and confirms without compensating', async () => {
    const { result, stubs } = await run((name, attempt) =>
      name === 'authorizePayment' && attempt <= 2 ? { kind: 'fault' } : { kind: 'ok' },
    );

    expect(result).toMatchObject({ status: 'DELIVERED' });
    expect(
      stubs
        .once()
        .filter((call) => call.name === 'authorizePayment')
        .map((c) => c.attempt),
    ).toEqual([1, 2, 3]);
    expect(stubs.succeeded()).toEqual(FULFILLED);
  });

  it('compensates a step that times out on its last attempt, though its outcome is unknown', async () => {
    // Timeouts run in real time (the test server skips no time while an activity runs), so only the last
    // attempt hangs; the earlier ones fail fast.
    const last = activityOptions.database.retry?.maximumAttempts ?? 1;
    const { result, stubs } = await run((name, attempt) => {
      if (name !== 'reserveStock') return { kind: 'ok' };
      return attempt < last ? { kind: 'fault' } : { kind: 'hang' };
    });

    expect(result).toMatchObject({ status: 'CANCELLED', code: 'STEP.TIMED_OUT', failedStep: 'reserveStock' });
    expect(stubs.succeeded()).toEqual(['createPendingOrder', 'releaseStock', 'cancelOrder']);
  });

  it('waits for the later attempts of a local database step in a durable timer, keeping their count', async () => {
    const stubs = stubActivities((name, attempt) =>
      name === 'commitStock' && attempt <= 4 ? { kind: 'fault' } : { kind: 'ok' },
    );

    const { result, history, progress } = await saga.withSaga(stubs.activities, async (handle) => {
      await shipAndDeliverWhenAsked(saga.env, handle);
      return {
        result: await handle.result(),
        history: await handle.fetchHistory(),
        progress: await handle.query(progressQuery),
      };
    });

    expect(result).toMatchObject({ status: 'DELIVERED' });
    // 200, 400 and 800 ms are waited in the workflow task; 1.6 s is past localRetryThreshold. The other
    // timer is the shipping deadline.
    expect(history.events?.filter((event) => event.timerStartedEventAttributes)).toHaveLength(2);
    expect(
      stubs
        .once()
        .filter((call) => call.name === 'commitStock')
        .map((c) => c.attempt),
    ).toEqual([1, 2, 3, 4, 5]);
    expect(progress.steps.find((s) => s.step === 'commitStock')?.attempts).toBe(5);
  });

  it('ends CANCELLED when the order to cancel was never written', async () => {
    const { result, stubs } = await run((name) => {
      if (name === 'createPendingOrder') return { kind: 'refuse', code: 'ORDER.INVALID' };
      if (name === 'cancelOrder') return { kind: 'refuse', code: 'ORDER.NOT_FOUND' };
      return { kind: 'ok' };
    });

    expect(result).toMatchObject({ status: 'CANCELLED', code: 'ORDER.INVALID', failedStep: 'createOrder' });
    expect(stubs.once().map((call) => call.name)).toEqual(['createPendingOrder', 'cancelOrder']);
  });

  it('waits in COMPENSATION_FAILED when a compensation keeps failing, and finishes on an operator retry', async () => {
    let gatewayBack = false;
    const stubs = stubActivities((name) => {
      if (name === 'capturePayment') return { kind: 'refuse', code: 'PAYMENT.REJECTED' };
      if (name === 'voidOrRefundPayment' && !gatewayBack) return { kind: 'fault' };
      return { kind: 'ok' };
    });

    const result = await saga.withSaga(stubs.activities, async (handle) => {
      let progress = await handle.query(progressQuery);
      for (let i = 0; i < 200 && progress.phase !== 'COMPENSATION_FAILED'; i++) {
        await saga.env.sleep('1 minute');
        progress = await handle.query(progressQuery);
      }
      expect(progress.phase).toBe('COMPENSATION_FAILED');
      expect(stubs.succeeded()).toContain('markCompensationFailed');
      expect(stubs.succeeded()).not.toContain('releaseStock');
      expect(progress.compensations.map((c) => [c.compensation, c.state])).toEqual([
        ['voidOrRefundPayment', 'failed'],
        ['releaseStock', 'pending'],
        ['cancelOrder', 'pending'],
      ]);

      gatewayBack = true;
      await handle.executeUpdate(retryCompensationUpdate);
      return handle.result();
    });

    expect(result).toMatchObject({
      status: 'CANCELLED',
      code: 'PAYMENT.REJECTED',
      failedStep: 'capturePayment',
    });
    const compensations = stubs.succeeded().filter((name) => !FORWARD.includes(name));
    expect(compensations).toEqual([
      'markCompensationFailed',
      'voidOrRefundPayment',
      'releaseStock',
      'cancelOrder',
    ]);
  });

  it('cancels an order in flight on request and compensates what was done', async () => {
    const reserve = heldStep();
    const stubs = stubActivities((name) => (name === 'reserveStock' ? reserve.behaviour : { kind: 'ok' }));

    const result = await saga.withSaga(stubs.activities, async (handle) => {
      await stubs.started('reserveStock');
      await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'customer changed their mind' }] });
      reserve.release();
      return handle.result();
    });

    expect(result).toMatchObject({ status: 'CANCELLED', code: 'ORDER.CANCELLED_ON_REQUEST' });
    expect(stubs.succeeded()).toEqual(['createPendingOrder', 'reserveStock', 'releaseStock', 'cancelOrder']);
  });

  it('stores the order and then cancels it when the cancel arrives before the first step', async () => {
    const stubs = stubActivities();
    const taskQueue = saga.nextTaskQueue();
    const input = sagaInput();
    const handle = await saga.env.client.workflow.start('orderSaga', {
      taskQueue,
      workflowId: sagaIdOf(input.orderId),
      args: [input],
    });
    // Sent while no worker polls: the saga's first workflow task holds both its start and the cancel.
    const cancelled = handle.executeUpdate(cancelUpdate, { args: [{ reason: 'changed my mind' }] });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const result = await saga.withWorker(taskQueue, stubs.activities, async () => {
      await cancelled;
      return handle.result();
    });

    // The race this test is about took place: the cancel was accepted in the saga's very first task.
    expect(firstTaskEvents(await handle.fetchHistory())).toContain('WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
    expect(result).toMatchObject({
      status: 'CANCELLED',
      code: 'ORDER.CANCELLED_ON_REQUEST',
      failedStep: null,
    });
    expect(stubs.succeeded()).toEqual(['createPendingOrder', 'cancelOrder']);
    expect(stubs.calls.find((call) => call.name === 'cancelOrder')?.input).toMatchObject({
      orderId: input.orderId,
      code: 'ORDER.CANCELLED_ON_REQUEST',
      reason: 'changed my mind',
    });
  });

  it('keeps retrying the first step while the database is down, since nothing is there to undo', async () => {
    // Well past the other database steps' 8 attempts.
    const stubs = stubActivities((name, attempt) =>
      name === 'createPendingOrder' && attempt <= 12 ? { kind: 'fault' } : { kind: 'ok' },
    );

    const result = await saga.withSaga(stubs.activities, async (handle) => {
      await shipAndDeliverWhenAsked(saga.env, handle);
      return handle.result();
    });

    expect(result).toMatchObject({ status: 'DELIVERED' });
    // Attempts 1 to 13, each at least once: a local activity is at-least-once, and a workflow task that
    // times out on loaded cores (2 s) runs the attempt in flight again (a fresh-clone CI saw 17 calls).
    const attempts = stubs.calls
      .filter((call) => call.name === 'createPendingOrder')
      .map((call) => call.attempt);
    expect([...new Set(attempts)].sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(stubs.succeeded()).toEqual(FULFILLED);
  });

  it('refuses to cancel once the payment is being captured', async () => {
    const capture = heldStep();
    const stubs = stubActivities((name) => (name === 'capturePayment' ? capture.behaviour : { kind: 'ok' }));

    const result = await saga.withSaga(stubs.activities, async (handle) => {
      await stubs.started('capturePayment');
      const refused = handle.executeUpdate(cancelUpdate, { args: [{}] });
      await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(refused).rejects.toMatchObject({ cause: { type: 'ORDER.NOT_CANCELLABLE' } });
      capture.release();
      await shipAndDeliverWhenAsked(saga.env, handle);
      return handle.result();
    });

    expect(result).toMatchObject({ status: 'DELIVERED' });
  });
});

// The types of the events a saga's first workflow task wrote.
function firstTaskEvents(history: temporal.api.history.v1.IHistory): string[] {
  const events = history.events ?? [];
  const completed = events.findIndex((e) => e.workflowTaskCompletedEventAttributes);
  const next = events.findIndex((e, i) => i > completed && e.workflowTaskScheduledEventAttributes);
  return events
    .slice(completed + 1, next === -1 ? undefined : next)
    .map((e) => temporal.api.enums.v1.EventType[e.eventType ?? 0]?.replace('EVENT_TYPE_', '') ?? '');
}
