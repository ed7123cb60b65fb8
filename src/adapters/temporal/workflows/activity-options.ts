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

// createPendingOrder, commitStock, confirmOrder and their compensations run as local activities: in the
// worker that runs the saga, inside its workflow task, with no round trip through Temporal's task queues
// (bench/README.md). Why the saga's guarantees hold:
// - A local activity is recorded only when its workflow task completes. A worker that dies first leaves
//   the task to time out (10 s); the next worker replays the saga and runs the step again (its attempts
//   counted afresh since the last durable wait), compensations in the same order: at least once, which
//   the idempotent use-cases allow for.
// - A timed-out attempt is only told to stop, and the use-cases do not listen: it may still finish while
//   the next attempt runs (idempotence covers it), or after the step gave up and the saga compensates (a
//   release then meets a commit and is refused: COMPENSATION_FAILED, for an operator). A regular
//   activity's late attempt does the same, without even being told.
// - While a local activity runs, or waits in the task for its next attempt, the saga answers no query
//   and runs an update only when the task is renewed (every 8 s), and a worker told to stop keeps
//   retrying it rather than hand it over. So any wait longer than a second is a durable timer instead
//   (localRetryThreshold): between those attempts the saga is free, and any worker resumes the retries
//   with their count kept.
// - reserveStock (it may queue for seconds on a product's lock) and the gateway's calls stay regular, so
//   that a cancel update is heard while they run; the only local step a cancel can meet is
//   createPendingOrder, which takes milliseconds while PostgreSQL is up.
const localRetryThreshold = '1 second';

// Storing the order is the one step with nothing before it to undo: giving up would cancel an order
// that was never written, and the accepted order would end on no record. So it waits for PostgreSQL
// however long it is down, retrying at most every 30 s (in durable timers, see above).
const storeOrderRetry = {
  initialInterval: '200 milliseconds',
  backoffCoefficient: 2,
  maximumInterval: '30 seconds',
} as const;

export const localActivityOptions = {
  database: { ...database, localRetryThreshold },
  storeOrder: { ...database, retry: storeOrderRetry, localRetryThreshold },
  compensateDatabase: { ...database, retry: compensationRetry, localRetryThreshold },
} satisfies Record<string, LocalActivityOptions>;
