import { ActivityFailure, ApplicationFailure, isCancellation, TimeoutFailure } from '@temporalio/workflow';

export interface StepFailure {
  readonly code: string;
  readonly message: string;
  // The attempt that failed last, when the activity told us; null when it could not (a timeout).
  readonly attempt: number | null;
  // True for a business refusal, false when a fault outlasted its retries or the saga was cancelled.
  readonly refusal: boolean;
}

// An order cancelled through the saga's `cancel` update, raised between two steps or while the saga
// waits for news; also a wait whose deadline passed (`step`: the wait).
export class CancelledOnRequest extends Error {
  readonly code: string;
  readonly step: string | null;

  constructor(code: string, reason: string, step: string | null = null) {
    super(reason);
    this.name = 'CancelledOnRequest';
    this.code = code;
    this.step = step;
  }
}

export function failureOf(error: unknown): StepFailure {
  if (error instanceof CancelledOnRequest) {
    return { code: error.code, message: error.message, attempt: null, refusal: true };
  }
  // A local activity's ApplicationFailure (a refusal, or a fault past its retries) arrives unwrapped; its
  // timeouts arrive wrapped, as a regular activity's do.
  if (error instanceof ApplicationFailure) return refusalOrFault(error);
  if (error instanceof ActivityFailure) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure) return refusalOrFault(cause);
    if (cause instanceof TimeoutFailure) {
      return {
        code: 'STEP.TIMED_OUT',
        message: `${error.activityType} timed out`,
        attempt: null,
        refusal: false,
      };
    }
    return { code: 'STEP.FAILED', message: error.message, attempt: null, refusal: false };
  }
  if (isCancellation(error)) {
    return {
      code: 'SAGA.CANCELLED',
      message: 'the saga workflow was cancelled',
      attempt: null,
      refusal: false,
    };
  }
  // Anything else is a bug in the workflow: rethrown, it fails the workflow task, which Temporal retries
  // (after a fix is deployed) instead of compensating for a reason nobody can name.
  throw error;
}

function refusalOrFault(failure: ApplicationFailure): StepFailure {
  const detail = failure.details?.[0] as { attempt?: number } | undefined;
  return {
    code: failure.type ?? 'STEP.FAILED',
    message: failure.message,
    attempt: detail?.attempt ?? null,
    refusal: failure.nonRetryable === true,
  };
}
