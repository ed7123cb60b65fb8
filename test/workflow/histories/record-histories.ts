// Records the saga's histories that the replay test holds the workflow code to. Run it when a change to
// the workflow is meant to be incompatible (and then version the workflow instead of breaking running
// sagas): `npx tsx test/workflow/histories/record-histories.ts`. It overwrites <path>.json; histories
// of older versions of the workflow stay as <path>.before-<change>.json, replayed all the same, until no
// saga of that version can still be open (*.before-order-status.json: before the OrderStatus upserts;
// *.before-local-database-steps.json: before the database steps became local activities;
// *.before-store-order-before-cancel.json: a cancel before the first step skipped storing the order;
// *.before-store-order-retry.json: the first step gave up after 8 attempts;
// *.before-fulfilment.json: the saga ended at CONFIRMED, before it waited for shipment;
// *.before-untraced-workflows.json: sagas started with no `traced` memo, which run Temporal's
// OpenTelemetry workflow interceptors, recorded for the paths that receive an update). Since
// fulfilment, a path that confirms and does not ship ends at the shipping deadline when recorded again
// (the test server skips the 7 days): the histories recorded before that (confirmed.json, ...) show the
// old ending and stay as they are.
import { writeFile } from 'node:fs/promises';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { sagaStartOptions } from '../../../src/adapters/temporal/saga-start-options.js';
import {
  cancelUpdate,
  progressQuery,
  retryCompensationUpdate,
} from '../../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { sagaIdOf } from '../../../src/adapters/temporal/workflows/saga-progress.js';
import { deliveryUpdate, PARCEL, shipmentUpdate, untilWaitingFor } from '../support/fulfilment.js';
import { SagaEnv, sagaInput } from '../support/saga-env.js';
import { type ActivityName, type Behaviour, heldStep, stubActivities } from '../support/stub-activities.js';

interface SagaPath {
  // Pays with a saved payment method instead of the default card token.
  readonly paymentMethodId?: string;
  readonly behaviour: (name: ActivityName, attempt: number) => Behaviour;
  // What the test does while the saga runs, beyond waiting for its end.
  readonly drive?: (saga: SagaEnv, handle: WorkflowHandle, heal: () => void) => Promise<void>;
  // What the test does after the saga started and before any worker polls its task queue.
  readonly beforeWorker?: (handle: WorkflowHandle) => void;
  // Hands the path the stubs it runs with, for a drive that waits on a step to start.
  readonly withStubs?: (stubs: ReturnType<typeof stubActivities>) => void;
}

let healed = false;
const paths: Record<string, SagaPath> = {
  confirmed: { behaviour: () => ({ kind: 'ok' }) },
  'confirmed-saved-method': { paymentMethodId: 'pm-history', behaviour: () => ({ kind: 'ok' }) },
  // The method was removed after the order was placed: the gateway declines it and the saga undoes.
  'declined-saved-method-compensated': {
    paymentMethodId: 'pm-history',
    behaviour: (name) =>
      name === 'authorizePayment' ? { kind: 'refuse', code: 'PAYMENT.DECLINED' } : { kind: 'ok' },
  },
  'declined-compensated': {
    behaviour: (name) =>
      name === 'authorizePayment' ? { kind: 'refuse', code: 'PAYMENT.DECLINED' } : { kind: 'ok' },
  },
  // The void keeps failing until the saga waits in COMPENSATION_FAILED; an operator's retry finishes it.
  'compensation-failed-retried': {
    behaviour: (name) => {
      if (name === 'capturePayment') return { kind: 'refuse', code: 'PAYMENT.REJECTED' };
      if (name === 'voidOrRefundPayment' && !healed) return { kind: 'fault' };
      return { kind: 'ok' };
    },
    drive: async (saga, handle, heal) => {
      while ((await handle.query(progressQuery)).phase !== 'COMPENSATION_FAILED') {
        await saga.env.sleep('1 minute');
      }
      heal();
      await handle.executeUpdate(retryCompensationUpdate);
    },
  },
  // The customer cancels before any worker has run the saga's first step.
  'cancelled-before-first-step': {
    behaviour: () => ({ kind: 'ok' }),
    beforeWorker: (handle) => {
      void handle
        .executeUpdate(cancelUpdate, { args: [{ reason: 'changed my mind' }] })
        .catch(() => undefined);
    },
  },
  ...refusedAtEachStep(),
  // The customer cancels while reserveStock runs: the saga stops after it and undoes it.
  'cancelled-during-reserve-stock': heldWhileCancelled('reserveStock'),
  // A cancel while the payment is captured is refused; the saga confirms.
  'cancel-refused-during-capture': heldWhileCancelled('capturePayment'),
  // A local database step that faults past localRetryThreshold waits for its next attempt in a timer.
  'local-step-retried-in-timer': {
    behaviour: (name, attempt) =>
      name === 'commitStock' && attempt <= 4 ? { kind: 'fault' } : { kind: 'ok' },
  },
  // A gateway step's transient faults are retried by the server.
  'gateway-fault-retried': {
    behaviour: (name, attempt) =>
      name === 'authorizePayment' && attempt <= 2 ? { kind: 'fault' } : { kind: 'ok' },
  },
  // Fulfilment: shipped on day 3, delivered on day 5.
  'shipped-delivered': {
    behaviour: () => ({ kind: 'ok' }),
    drive: async (saga, handle) => {
      await untilWaitingFor(saga.env, handle, 'shipment');
      await saga.env.sleep('3 days');
      await handle.executeUpdate(shipmentUpdate, { args: [PARCEL] });
      await saga.env.sleep('2 days');
      await handle.executeUpdate(deliveryUpdate, { args: [{}] });
    },
  },
  // Nobody ships: the 7-day deadline refunds, restocks and cancels.
  'shipping-deadline-passed': {
    behaviour: () => ({ kind: 'ok' }),
    drive: (saga, handle) => untilWaitingFor(saga.env, handle, 'shipment'),
  },
  // The customer cancels on day 2, before shipment.
  'cancelled-awaiting-shipment': {
    behaviour: () => ({ kind: 'ok' }),
    drive: async (saga, handle) => {
      await untilWaitingFor(saga.env, handle, 'shipment');
      await saga.env.sleep('2 days');
      await handle.executeUpdate(cancelUpdate, { args: [{ reason: 'found it cheaper' }] });
    },
  },
  // PostgreSQL is down for the saga's first dozen attempts to store the order (minutes of backoff).
  'first-step-unavailable': {
    behaviour: (name, attempt) =>
      name === 'createPendingOrder' && attempt <= 12 ? { kind: 'fault' } : { kind: 'ok' },
  },
};

// One path per step refused; the first step's refusal also meets an order that was never written.
function refusedAtEachStep(): Record<string, SagaPath> {
  const steps: ActivityName[] = [
    'createPendingOrder',
    'reserveStock',
    'authorizePayment',
    'capturePayment',
    'commitStock',
    'confirmOrder',
  ];
  return Object.fromEntries(
    steps.map((step) => [
      `refused-at-${step}`,
      {
        behaviour: (name: ActivityName): Behaviour => {
          if (name === step) return { kind: 'refuse', code: 'STEP.REFUSED' };
          if (name === 'cancelOrder' && step === 'createPendingOrder') {
            return { kind: 'refuse', code: 'ORDER.NOT_FOUND' };
          }
          return { kind: 'ok' };
        },
      },
    ]),
  );
}

// The step is held until the saga was asked to cancel (accepted or refused), then let go.
function heldWhileCancelled(step: ActivityName): SagaPath {
  const held = heldStep();
  let stubs: ReturnType<typeof stubActivities> | null = null;
  return {
    behaviour: (name) => (name === step ? held.behaviour : { kind: 'ok' }),
    drive: async (_saga, handle) => {
      await stubs?.started(step);
      await handle
        .executeUpdate(cancelUpdate, { args: [{ reason: 'changed my mind' }] })
        .catch(() => undefined);
      held.release();
    },
    withStubs: (s) => {
      stubs = s;
    },
  };
}

// `record-histories.ts [path...]` records only the paths named; with none, all of them.
const only = process.argv.slice(2);
for (const name of only) if (!(name in paths)) throw new Error(`no saga path named ${name}`);

const saga = await SagaEnv.start();
try {
  for (const [name, path] of Object.entries(paths)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const taskQueue = saga.nextTaskQueue();
    const payment = path.paymentMethodId === undefined ? {} : { paymentMethodId: path.paymentMethodId };
    const input = sagaInput({ ...payment, orderId: `history-${name}` });
    const stubs = stubActivities(path.behaviour);
    path.withStubs?.(stubs);
    const handle = await saga.env.client.workflow.start('orderSaga', {
      taskQueue,
      workflowId: sagaIdOf(input.orderId),
      args: [input],
      // As the API starts them when it exports no traces (its default).
      ...sagaStartOptions(false),
    });
    path.beforeWorker?.(handle);
    // Lets a request sent before the worker reach the server first.
    if (path.beforeWorker) await new Promise((resolve) => setTimeout(resolve, 500));
    const history = await saga.withWorker(taskQueue, stubs.activities, async () => {
      await path.drive?.(saga, handle, () => {
        healed = true;
      });
      await handle.result();
      return handle.fetchHistory();
    });
    const file = new URL(`./${name}.json`, import.meta.url);
    await writeFile(file, `${historyToJSON(history)}\n`);
    console.log(`recorded ${file.pathname} (${history.events?.length} events)`);
  }
} finally {
  await saga.teardown();
}
