import { ApplicationFailure, condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import type { SagaDefinition, SagaWait } from '../../../application/sagas/saga-definition.js';
import type { SagaPhase, SagaProgress } from '../../../application/sagas/saga-progress.js';
import type { SagaRecord } from './saga-record.js';

export const progressQuery = defineQuery<SagaProgress>('progress');
// Stops a saga still in flight; refused once it reached its point of no return, unless it waits for
// news that lets a cancel in again (an order until it ships).
export const cancelUpdate = defineUpdate<SagaPhase, [{ reason?: string }]>('cancel');
// The operator's way out of COMPENSATION_FAILED: run the compensations that are left once more.
export const retryCompensationUpdate = defineUpdate<SagaPhase, []>('retryCompensation');
// The news a saga waits for after its steps, by the wait's name (e.g. 'shipment'): answered once the
// news is recorded, with the phase the saga entered.
export function newsUpdate<News>(name: string) {
  return defineUpdate<SagaPhase, [News]>(name);
}

// What was asked of a running saga, by its updates.
export interface Requests {
  cancelReason: string | null;
  // Past the point of no return: a cancel is refused.
  confirming: boolean;
  retryRequested: boolean;
  // The wait the saga is in now, if any.
  awaiting: SagaWait<unknown> | null;
  // The news accepted, by wait, and those recorded by their activity.
  readonly news: Map<string, unknown>;
  readonly recorded: Set<string>;
  // The code of a wait whose deadline passed: late news is refused with it.
  missed: string | null;
}

// Answers the progress query and the cancel, retryCompensation and news updates, each refused when it
// comes at the wrong time; what they asked for the saga reads from the returned Requests.
export function listen<Input>(definition: SagaDefinition<Input>, id: string, saga: SagaRecord): Requests {
  const requests: Requests = {
    cancelReason: null,
    confirming: false,
    retryRequested: false,
    awaiting: null,
    news: new Map(),
    recorded: new Set(),
    missed: null,
  };
  setHandler(progressQuery, () => saga.progress);
  setHandler(
    cancelUpdate,
    ({ reason }) => {
      requests.cancelReason = reason ?? 'cancelled on request';
      return saga.progress.phase;
    },
    {
      validator: (_request) => {
        // Waiting for news that lets a cancel in, and that news not accepted meanwhile (in this very task).
        const { awaiting } = requests;
        if (awaiting?.cancellable && !requests.news.has(awaiting.name) && requests.cancelReason === null)
          return;
        if (requests.confirming || saga.progress.phase !== 'RUNNING') {
          throw ApplicationFailure.nonRetryable(
            `${definition.noun} ${id} can no longer be cancelled`,
            definition.codes.notCancellable,
          );
        }
      },
    },
  );
  setHandler(
    retryCompensationUpdate,
    () => {
      requests.retryRequested = true;
      return saga.progress.phase;
    },
    {
      validator: () => {
        if (saga.progress.phase !== 'COMPENSATION_FAILED') {
          throw ApplicationFailure.nonRetryable(
            `saga of ${definition.noun} ${id} is ${saga.progress.phase}`,
            'SAGA.NOT_STUCK',
          );
        }
      },
    },
  );
  for (const wait of definition.afterwards?.waits ?? []) listenForNews(wait, definition, id, saga, requests);
  return requests;
}

function listenForNews<Input>(
  wait: SagaWait<Input>,
  definition: SagaDefinition<Input>,
  id: string,
  saga: SagaRecord,
  requests: Requests,
): void {
  setHandler(
    newsUpdate<unknown>(wait.name),
    async (news) => {
      if (!requests.news.has(wait.name)) requests.news.set(wait.name, news);
      await condition(() => requests.recorded.has(wait.name) || saga.progress.failure !== null);
      const failure = saga.progress.failure;
      if (!requests.recorded.has(wait.name) && failure !== null)
        throw ApplicationFailure.nonRetryable(failure.reason, failure.code);
      return saga.progress.phase;
    },
    {
      validator: (news) => {
        const known = requests.news.get(wait.name);
        // The same news again (its answer was lost): answered as the first, recorded once.
        if (known !== undefined && wait.same(known, news)) return;
        if (known === undefined && requests.awaiting === wait && requests.cancelReason === null) return;
        if (known === undefined && requests.missed !== null)
          throw ApplicationFailure.nonRetryable(
            `${definition.noun} ${id} missed its deadline and was cancelled`,
            requests.missed,
          );
        throw ApplicationFailure.nonRetryable(
          `${definition.noun} ${id} is ${saga.progress.phase}: its ${wait.name} cannot be recorded`,
          wait.notAwaited,
        );
      },
    },
  );
}
