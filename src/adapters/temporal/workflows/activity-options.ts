import type { ActivityOptions } from '@temporalio/workflow';

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
