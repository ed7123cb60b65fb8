import { CancellationScope, condition, log, patched, workflowInfo } from '@temporalio/workflow';
import type { SagaDefinition, SagaState } from '../../../application/sagas/saga-definition.js';
import { CancelledOnRequest, failureOf, type StepFailure } from './failure-of.js';
import { recordActivities, stepActivities, undoActivities } from './saga-activities.js';
import { SagaRecord } from './saga-record.js';
import { listen, type Requests } from './saga-requests.js';
import { sagaTelemetry } from './saga-telemetry.js';

// Sagas begun before database steps became local activities (activity-options.ts says why) replay
// with regular ones; decided once, at the saga's start, so one saga never mixes the two.
const LOCAL_DATABASE_STEPS = 'local-database-steps';
// A cancel that reaches the saga before its first step still lets that step run, so that what the
// saga is about (the order) ends cancelled on record; sagas that met such a cancel before this replay
// without the step.
const STORE_BEFORE_CANCEL = 'store-order-before-cancel';

export { cancelUpdate, progressQuery, retryCompensationUpdate } from './saga-requests.js';

export type SagaOutcome =
  | { readonly status: 'CONFIRMED' }
  | {
      readonly status: 'CANCELLED';
      readonly code: string;
      readonly reason: string;
      readonly failedStep: string | null;
    };

type Failure = StepFailure & { step: string | null };

// Runs a saga's steps in order; when one fails, or a cancel arrives before the point of no return,
// runs the compensations of every step begun, newest first, until all are done.
export async function runSaga<Input>(definition: SagaDefinition<Input>, input: Input): Promise<SagaOutcome> {
  const id = definition.idOf(input);
  const local = patched(LOCAL_DATABASE_STEPS);
  const state: SagaState<Input> = { input, sagaId: workflowInfo().workflowId };
  const telemetry = sagaTelemetry();
  const saga = new SagaRecord(
    definition.steps.map((step) => step.name),
    telemetry,
  );
  telemetry.started();
  const requests = listen(definition, id, saga);

  let current: string | null = null;
  let failure: Failure;
  try {
    for (const [index, step] of definition.steps.entries()) {
      if (step.since !== null && !patched(step.since)) continue;
      if (step.name === definition.pointOfNoReturn && requests.cancelReason === null)
        requests.confirming = true;
      if (requests.cancelReason !== null && !(index === 0 && patched(STORE_BEFORE_CANCEL))) {
        throw new CancelledOnRequest(definition.codes.cancelledOnRequest, requests.cancelReason);
      }
      current = step.name;
      const activities = stepActivities(step.kind, local, index === 0);
      await saga.step(
        step.name,
        () => {
          if (step.undo !== null) saga.register(step.undo.activity, step.name);
          return activities(step.activity, step.input(state));
        },
        step.progress,
      );
    }
    saga.enter('CONFIRMED');
    log.info(`${definition.noun} confirmed`, { id });
    return { status: 'CONFIRMED' };
  } catch (error) {
    failure = { ...failureOf(error), step: error instanceof CancelledOnRequest ? null : current };
  }

  saga.failed({ code: failure.code, reason: failure.message, step: failure.step });
  log.warn('saga compensating', { id, code: failure.code, step: failure.step });
  // Compensation must finish even if the workflow itself is cancelled meanwhile.
  await CancellationScope.nonCancellable(() =>
    compensateUntilDone(definition, state, saga, failure, local, requests),
  );
  return { status: 'CANCELLED', code: failure.code, reason: failure.message, failedStep: failure.step };
}

async function compensateUntilDone<Input>(
  definition: SagaDefinition<Input>,
  state: SagaState<Input>,
  saga: SagaRecord,
  failure: Failure,
  local: boolean,
  requests: Requests,
): Promise<void> {
  const id = definition.idOf(state.input);
  for (;;) {
    saga.enter('COMPENSATING');
    const stuck = await runCompensations(definition, state, saga, failure, local);
    if (stuck === null) {
      saga.enter('CANCELLED');
      return;
    }
    const left = saga.pendingCompensations().map((c) => c.compensation);
    const reason = `${stuck.compensation} failed (${stuck.error?.code}: ${stuck.error?.message}); left to undo: ${left.join(', ')}`;
    log.error('compensation failed; waiting for an operator', { id, reason });
    const code = stuck.error?.code ?? 'COMPENSATION.FAILED';
    await recordActivities()(
      definition.markStuck.activity,
      definition.markStuck.input(state, { code, reason }),
    );
    saga.enter('COMPENSATION_FAILED');
    await condition(() => requests.retryRequested);
    requests.retryRequested = false;
  }
}

// Runs what is left to undo, newest first; stops at the first that still fails and returns it.
async function runCompensations<Input>(
  definition: SagaDefinition<Input>,
  state: SagaState<Input>,
  saga: SagaRecord,
  failure: Failure,
  local: boolean,
) {
  const why = { code: failure.code, reason: failure.message };
  for (const compensation of saga.pendingCompensations()) {
    const undo = definition.steps.find((step) => step.name === compensation.undoes)?.undo;
    if (undo === undefined || undo === null) throw new Error(`no compensation for ${compensation.undoes}`);
    const outcome = await saga.compensate(compensation, async () => {
      try {
        return await undoActivities(undo.kind, local)(undo.activity, undo.input(state, why));
      } catch (error) {
        if (undo.nothingToUndo !== null && failureOf(error).code === undo.nothingToUndo) {
          return { value: null, attempt: 1 };
        }
        throw error;
      }
    });
    if (outcome !== null) return compensation;
  }
  return null;
}
