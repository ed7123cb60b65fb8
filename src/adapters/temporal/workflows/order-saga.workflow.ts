import {
  ApplicationFailure,
  CancellationScope,
  condition,
  defineQuery,
  defineUpdate,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { OrderSagaInput } from '../../../application/ports/saga-starter.js';
import type { SagaActivities } from '../activities.js';
import { activityOptions, localActivityOptions } from './activity-options.js';
import { CancelledOnRequest, failureOf, type StepFailure } from './failure-of.js';
import {
  CANCELLED_ON_REQUEST,
  type Compensation,
  type CompensationRecord,
  SAGA_STEPS,
  type SagaPhase,
  type SagaProgress,
  type SagaResult,
  type SagaStep,
} from './saga-progress.js';
import { SagaRecord } from './saga-record.js';
import { sagaTelemetry } from './saga-telemetry.js';

const database = proxyActivities<SagaActivities>(activityOptions.database);
const gateway = proxyActivities<SagaActivities>(activityOptions.gateway);
const undoInDatabase = proxyActivities<SagaActivities>(activityOptions.compensateDatabase);
const undoAtGateway = proxyActivities<SagaActivities>(activityOptions.compensateGateway);
const record = proxyActivities<SagaActivities>(activityOptions.record);
const databaseLocally = proxyLocalActivities<SagaActivities>(localActivityOptions.database);
const storeOrderLocally = proxyLocalActivities<SagaActivities>(localActivityOptions.storeOrder);
const undoInDatabaseLocally = proxyLocalActivities<SagaActivities>(localActivityOptions.compensateDatabase);

// Sagas begun before these database steps became local activities (activity-options.ts says why) replay
// with regular ones; decided once, at the saga's start, so one saga never mixes the two.
const LOCAL_DATABASE_STEPS = 'local-database-steps';
// A cancel that reaches the saga before its first step still lets that step store the order, so that
// the order ends CANCELLED on record; sagas that met such a cancel before this replay without the step.
const STORE_BEFORE_CANCEL = 'store-order-before-cancel';
type DatabaseSteps = Pick<SagaActivities, 'createPendingOrder' | 'commitStock' | 'confirmOrder'>;
type DatabaseUndo = Pick<SagaActivities, 'releaseStock' | 'cancelOrder'>;

export const progressQuery = defineQuery<SagaProgress>('progress');
// Stops an order still in flight; refused with ORDER.NOT_CANCELLABLE once the payment is being captured.
export const cancelUpdate = defineUpdate<SagaPhase, [{ reason?: string }]>('cancel');
// The operator's way out of COMPENSATION_FAILED: run the compensations that are left once more.
export const retryCompensationUpdate = defineUpdate<SagaPhase, []>('retryCompensation');

type Failure = StepFailure & { step: SagaStep | null };

export async function orderSaga(input: OrderSagaInput): Promise<SagaResult> {
  const { orderId } = input;
  const local = patched(LOCAL_DATABASE_STEPS);
  const inDatabase: DatabaseSteps = local
    ? {
        createPendingOrder: storeOrderLocally.createPendingOrder,
        commitStock: databaseLocally.commitStock,
        confirmOrder: databaseLocally.confirmOrder,
      }
    : database;
  const undoing: DatabaseUndo = local ? undoInDatabaseLocally : undoInDatabase;
  const telemetry = sagaTelemetry();
  const saga = new SagaRecord(orderId, SAGA_STEPS, telemetry);
  telemetry.started();
  let cancelReason: string | null = null;
  let confirming = false;
  let retryRequested = false;

  setHandler(progressQuery, () => saga.progress);
  setHandler(
    cancelUpdate,
    ({ reason }) => {
      cancelReason = reason ?? 'cancelled on request';
      return saga.progress.phase;
    },
    {
      validator: (_request) => {
        if (confirming || saga.progress.phase !== 'RUNNING') {
          throw ApplicationFailure.nonRetryable(
            `order ${orderId} can no longer be cancelled`,
            'ORDER.NOT_CANCELLABLE',
          );
        }
      },
    },
  );
  setHandler(
    retryCompensationUpdate,
    () => {
      retryRequested = true;
      return saga.progress.phase;
    },
    {
      validator: () => {
        if (saga.progress.phase !== 'COMPENSATION_FAILED') {
          throw ApplicationFailure.nonRetryable(
            `saga of order ${orderId} is ${saga.progress.phase}`,
            'SAGA.NOT_STUCK',
          );
        }
      },
    },
  );

  let current: SagaStep | null = null;
  const step = async <T>(
    name: SagaStep,
    run: () => Promise<{ value: T; attempt: number }>,
    idsOf?: (value: T) => Record<string, string>,
  ): Promise<T> => {
    if (cancelReason !== null && !(name === 'createOrder' && patched(STORE_BEFORE_CANCEL))) {
      throw new CancelledOnRequest(CANCELLED_ON_REQUEST, cancelReason);
    }
    current = name;
    return saga.step(name, run, idsOf);
  };

  let failure: Failure;
  try {
    await step('createOrder', () => {
      saga.register('cancelOrder', 'createOrder');
      return inDatabase.createPendingOrder({ ...input, sagaId: workflowInfo().workflowId });
    });
    await step(
      'reserveStock',
      () => {
        saga.register('releaseStock', 'reserveStock');
        return database.reserveStock({ orderId });
      },
      ({ reservations }) => ({
        reservations: reservations.map((r) => `${r.productId} x${r.quantity} ${r.status}`).join(', '),
      }),
    );
    const payment = await step(
      'authorizePayment',
      () => {
        saga.register('voidOrRefundPayment', 'authorizePayment');
        return gateway.authorizePayment({ orderId, cardToken: input.cardToken });
      },
      (paid) => ({ paymentId: paid.id, authorizationId: paid.authorizationId ?? '' }),
    );
    if (cancelReason === null) confirming = true;
    await step(
      'capturePayment',
      () => gateway.capturePayment({ orderId }),
      () => ({ paymentId: payment.id }),
    );
    await step('commitStock', () => inDatabase.commitStock({ orderId }));
    await step('confirmOrder', () => inDatabase.confirmOrder({ orderId }));
    saga.enter('CONFIRMED');
    log.info('order confirmed', { orderId });
    return { status: 'CONFIRMED', orderId };
  } catch (error) {
    failure = { ...failureOf(error), step: error instanceof CancelledOnRequest ? null : current };
  }

  saga.progress.failure = { code: failure.code, reason: failure.message, step: failure.step };
  log.warn('saga compensating', { orderId, code: failure.code, step: failure.step });
  // Compensation must finish even if the workflow itself is cancelled meanwhile.
  await CancellationScope.nonCancellable(() =>
    compensateUntilDone(
      saga,
      failure,
      undoing,
      () => {
        const requested = retryRequested;
        retryRequested = false;
        return requested;
      },
      () => retryRequested,
    ),
  );
  return {
    status: 'CANCELLED',
    orderId,
    code: failure.code,
    reason: failure.message,
    failedStep: failure.step,
  };
}

async function compensateUntilDone(
  saga: SagaRecord,
  failure: Failure,
  undoing: DatabaseUndo,
  takeRetryRequest: () => boolean,
  retryRequested: () => boolean,
): Promise<void> {
  const { orderId } = saga.progress;
  for (;;) {
    saga.enter('COMPENSATING');
    const stuck = await runCompensations(saga, failure, undoing);
    if (stuck === null) {
      saga.enter('CANCELLED');
      return;
    }
    const left = saga.pendingCompensations().map((c) => c.compensation);
    const reason = `${stuck.compensation} failed (${stuck.error?.code}: ${stuck.error?.message}); left to undo: ${left.join(', ')}`;
    log.error('compensation failed; waiting for an operator', { orderId, reason });
    await record.markCompensationFailed({
      orderId,
      code: stuck.error?.code ?? 'COMPENSATION.FAILED',
      reason,
    });
    saga.enter('COMPENSATION_FAILED');
    await condition(retryRequested);
    takeRetryRequest();
  }
}

// Runs what is left to undo, newest first; stops at the first that still fails and returns it.
async function runCompensations(
  saga: SagaRecord,
  failure: Failure,
  undoing: DatabaseUndo,
): Promise<CompensationRecord | null> {
  const { orderId } = saga.progress;
  for (const compensation of saga.pendingCompensations()) {
    const outcome = await saga.compensate(compensation, () =>
      undo(compensation.compensation, orderId, failure, undoing),
    );
    if (outcome !== null) return compensation;
  }
  return null;
}

async function undo(compensation: Compensation, orderId: string, failure: Failure, undoing: DatabaseUndo) {
  switch (compensation) {
    case 'voidOrRefundPayment':
      return undoAtGateway.voidOrRefundPayment({ orderId });
    case 'releaseStock':
      return undoing.releaseStock({ orderId });
    case 'cancelOrder':
      try {
        return await undoing.cancelOrder({ orderId, code: failure.code, reason: failure.message });
      } catch (error) {
        // The order was never written (its creation failed): there is nothing to cancel.
        if (failureOf(error).code === 'ORDER.NOT_FOUND') return { value: null, attempt: 1 };
        throw error;
      }
  }
}
