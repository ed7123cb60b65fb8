import {
  allHandlersFinished,
  CancellationScope,
  condition,
  log,
  patched,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type SagaAfterwards,
  type SagaDefinition,
  type SagaState,
  undoOf,
} from '../../../application/sagas/saga-definition.js';
import { SAGA_TASK_TIMEOUT_MS } from './activity-options.js';
import { CancelledOnRequest, failureOf, type StepFailure } from './failure-of.js';
import { type LocalSteps, recordActivities, stepActivities, undoActivities } from './saga-activities.js';
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

export { cancelUpdate, newsUpdate, progressQuery, retryCompensationUpdate } from './saga-requests.js';

export type SagaOutcome =
  // CONFIRMED: a saga with nothing to wait for afterwards, or begun before it waited (its patch).
  | { readonly status: 'CONFIRMED' | 'DELIVERED' }
  | {
      readonly status: 'CANCELLED';
      readonly code: string;
      readonly reason: string;
      readonly failedStep: string | null;
    };

type Failure = StepFailure & { step: string | null };

// Sagas started with a workflow task timeout short enough (sagaStartOptions) run every step locally;
// any other (all begun before, or started without it) runs the gateway's and 'other' steps as regular
// activities. Read from the saga's start, the same on every replay.
function localSteps(): LocalSteps {
  if (!patched(LOCAL_DATABASE_STEPS)) return 'none';
  return workflowInfo().taskTimeoutMs <= SAGA_TASK_TIMEOUT_MS ? 'every' : 'database';
}

// Runs a saga's steps in order, then waits for the news its definition expects afterwards; when a step
// fails, a cancel arrives while one is allowed, or a wait's deadline passes, runs the compensations of
// every step begun, newest first, until all are done.
export async function runSaga<Input>(definition: SagaDefinition<Input>, input: Input): Promise<SagaOutcome> {
  const id = definition.idOf(input);
  const local = localSteps();
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
    // Decided here, not at the start: a saga of the previous build still running when this one is
    // deployed reaches this point live and waits too; one that ended here before replays as it ran.
    const afterwards = definition.afterwards;
    if (afterwards !== null && patched(afterwards.since)) {
      current = null;
      await awaitNews(definition, afterwards, state, saga, requests, local);
      await condition(allHandlersFinished);
      return { status: 'DELIVERED' };
    }
    return { status: 'CONFIRMED' };
  } catch (error) {
    const step = error instanceof CancelledOnRequest ? error.step : current;
    failure = { ...failureOf(error), step };
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
  local: LocalSteps,
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
  local: LocalSteps,
) {
  const why = { code: failure.code, reason: failure.message };
  for (const compensation of saga.pendingCompensations()) {
    const undo = undoOf(definition, compensation.undoes);
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

// Waits for each news in turn and records it with its activity; a cancel (where the wait lets one in)
// or a deadline that passes first ends the saga's run for its compensations. A wait's deadline is a
// durable timer, counted from the moment the saga starts waiting (workflow time: replays agree).
async function awaitNews<Input>(
  definition: SagaDefinition<Input>,
  afterwards: SagaAfterwards<Input>,
  state: SagaState<Input>,
  saga: SagaRecord,
  requests: Requests,
  local: LocalSteps,
): Promise<void> {
  saga.addSteps(afterwards.waits.map((wait) => wait.name));
  for (const undo of afterwards.undo) saga.register(undo.activity, undo.undoes);
  for (const wait of afterwards.waits) {
    const deadline =
      wait.deadline === null ? null : new Date(Date.now() + wait.deadline.afterMs(state.input));
    requests.awaiting = wait as (typeof requests)['awaiting'];
    saga.waitFor(wait.name, deadline);
    const heard = () => requests.news.has(wait.name) || requests.cancelReason !== null;
    if (deadline === null) await condition(heard);
    else await condition(heard, deadline.getTime() - Date.now());
    requests.awaiting = null;
    // News accepted by the update's validator is recorded even if the timer fired in the same task.
    const news = requests.news.get(wait.name);
    if (news === undefined) {
      const { cancelReason } = requests;
      const stop =
        cancelReason !== null
          ? new CancelledOnRequest(definition.codes.cancelledOnRequest, cancelReason)
          : new CancelledOnRequest(wait.deadline?.code ?? '', wait.deadline?.reason ?? '', wait.name);
      if (cancelReason === null) requests.missed = stop.code;
      saga.waitEnded(wait.name, { code: stop.code, message: stop.message });
      throw stop;
    }
    saga.waitFor(null);
    const activities = stepActivities(wait.kind, local, false);
    await saga.step(
      wait.name,
      () => activities(wait.activity, wait.input(state, news)),
      () => ({}),
    );
    requests.recorded.add(wait.name);
    saga.enter(wait.enters);
  }
}
