import { ApplicationFailure, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';
import type { SagaDefinition } from '../../../application/sagas/saga-definition.js';
import type { SagaPhase, SagaProgress } from '../../../application/sagas/saga-progress.js';
import type { SagaRecord } from './saga-record.js';

export const progressQuery = defineQuery<SagaProgress>('progress');
// Stops a saga still in flight; refused once it reached its point of no return.
export const cancelUpdate = defineUpdate<SagaPhase, [{ reason?: string }]>('cancel');
// The operator's way out of COMPENSATION_FAILED: run the compensations that are left once more.
export const retryCompensationUpdate = defineUpdate<SagaPhase, []>('retryCompensation');

// What was asked of a running saga, by its updates.
export interface Requests {
  cancelReason: string | null;
  // Past the point of no return: a cancel is refused.
  confirming: boolean;
  retryRequested: boolean;
}

// Answers the progress query and the cancel and retryCompensation updates, the cancel refused past the
// point of no return; what they asked for the saga reads from the returned Requests.
export function listen<Input>(definition: SagaDefinition<Input>, id: string, saga: SagaRecord): Requests {
  const requests: Requests = { cancelReason: null, confirming: false, retryRequested: false };
  setHandler(progressQuery, () => saga.progress);
  setHandler(
    cancelUpdate,
    ({ reason }) => {
      requests.cancelReason = reason ?? 'cancelled on request';
      return saga.progress.phase;
    },
    {
      validator: (_request) => {
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
  return requests;
}
