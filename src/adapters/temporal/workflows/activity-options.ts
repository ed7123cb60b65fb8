import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

// Timeouts and retries by the kind of work, not one size for all: a database call answers in
// milliseconds or is down; the gateway may be slow, and its client gives up after 10 s itself.
const database: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '200 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
    maximumAttempts: 8,
  },
};

const gateway: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 5,
  },
};

// Compensations keep trying well past a transient outage (about 50 minutes of backoff) before the saga
// hands them to an operator.
const compensationRetry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '2 minutes',
  maximumAttempts: 30,
} as const;

export const activityOptions = {
  database,
  gateway,
  compensateDatabase: { ...database, retry: compensationRetry },
  compensateGateway: { ...gateway, retry: compensationRetry },
  // Recording COMPENSATION_FAILED must not itself give up: it is how the operator learns of the saga.
  // (No maximumAttempts: retried until it succeeds.)
  record: {
    ...database,
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  },
} satisfies Record<string, ActivityOptions>;

// Local activities run in the worker that runs the saga, inside its workflow task, with no round trip
// through Temporal's task queues (bench/README.md): a saga started with a short workflow task timeout
// (SAGA_TASK_TIMEOUT_MS, sagaStartOptions) runs every step and compensation that way, one begun with the
// default 10 s only those of kind database, one begun before local steps none (saga-activities.ts).
// Why the saga's guarantees hold:
// - A local activity is recorded only when its workflow task completes. A worker that dies first leaves
//   the task to time out (SAGA_TASK_TIMEOUT_MS); the next worker replays the saga and runs the step again
//   (its attempts counted afresh since the last durable wait), compensations in the same order: at
//   least once, which the idempotent use-cases and the gateway's idempotency keys allow for.
// - A timed-out attempt is only told to stop, and the use-cases do not listen: it may still finish while
//   the next attempt runs (idempotence covers it), or after the step gave up and the saga compensates (a
//   release then meets a commit and is refused: COMPENSATION_FAILED, for an operator). A regular
//   activity's late attempt does the same, without even being told.
// - While a local activity runs, or waits in the task for its next attempt, the saga answers no query
//   and runs an update only when the worker renews the task, at 80% of its timeout. With the short
//   timeout that is every 1.6 s, so a cancel sent while a slow gateway call or a queued reservation runs
//   is answered within 2 s, inside the API's 5 s wait (TEMPORAL_CALL_TIMEOUT_MS); with the default 10 s
//   it would be 8 s, which is why sagas started without it keep their slow steps regular. Any wait
//   longer than a second is a durable timer instead (localRetryThreshold): between those attempts the
//   saga is free, and any worker resumes the retries with their count kept.
// - A worker told to stop keeps retrying a local activity rather than hand it over.
const localRetryThreshold = '1 second';

// Storing the order is the one step with nothing before it to undo: giving up would cancel an order
// that was never written, and the accepted order would end on no record. So it waits for PostgreSQL
// however long it is down, retrying at most every 30 s (in durable timers, see above).
const storeOrderRetry = {
  initialInterval: '200 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
} as const;

// The workflow task timeout of the sagas the API starts, and the longest with which a saga runs every
// step locally (saga-workflow.ts reads it from the saga's start).
export const SAGA_TASK_TIMEOUT_MS = 2_000;

export const localActivityOptions = {
  database: { ...database, localRetryThreshold },
  gateway: { ...gateway, localRetryThreshold },
  compensateGateway: { ...gateway, retry: compensationRetry, localRetryThreshold },
  storeOrder: { ...database, retry: storeOrderRetry, localRetryThreshold },
  compensateDatabase: { ...database, retry: compensationRetry, localRetryThreshold },
} satisfies Record<string, LocalActivityOptions>;
