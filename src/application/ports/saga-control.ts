import type { OrderSagaInput } from './saga-starter.js';

// What an order's saga reports about itself, step by step. Plain data, the same shape the Temporal
// workflow's `progress` query answers, declared here so that use-cases need not know Temporal.
// The steps an order's saga runs, in order. The Temporal workflow keeps its own copy (workflow code
// imports nothing at run time); a unit test holds the two equal.
export const SAGA_STEP_NAMES = [
  'createOrder',
  'reserveStock',
  'authorizePayment',
  'capturePayment',
  'commitStock',
  'confirmOrder',
] as const;

export type SagaPhase = 'RUNNING' | 'COMPENSATING' | 'COMPENSATION_FAILED' | 'CONFIRMED' | 'CANCELLED';

export interface SagaStepProgress {
  readonly step: string;
  readonly state: 'pending' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly externalIds: Readonly<Record<string, string>>;
}

export interface SagaCompensationProgress {
  readonly compensation: string;
  readonly undoes: string;
  readonly state: 'pending' | 'running' | 'done' | 'failed';
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface SagaProgress {
  readonly phase: SagaPhase;
  readonly failure: { readonly code: string; readonly reason: string; readonly step: string | null } | null;
  readonly steps: readonly SagaStepProgress[];
  readonly compensations: readonly SagaCompensationProgress[];
}

// The order exactly as it was handed to its saga, and when: what an order is before the saga's first
// step has stored it.
export interface StartedSaga {
  readonly sagaId: string;
  readonly input: OrderSagaInput;
  readonly startedAt: Date;
}

// REQUESTED: the saga will stop at its next step and undo what it did. TOO_LATE: it is confirming or
// already over. NO_SAGA: no saga was ever started for that order.
export type CancellationOutcome = 'REQUESTED' | 'TOO_LATE' | 'NO_SAGA';

// RETRYING: the saga runs its compensations left once more. NOT_STUCK: it is not in COMPENSATION_FAILED.
export type CompensationRetryOutcome = 'RETRYING' | 'NOT_STUCK' | 'NO_SAGA';

// Reads and steers a running saga. Throws DependencyUnavailable when the saga engine cannot answer.
export interface SagaControl {
  // null when no saga was ever started for the order.
  progressOf(orderId: string): Promise<SagaProgress | null>;
  startedSagaOf(orderId: string): Promise<StartedSaga | null>;
  cancel(orderId: string, reason: string): Promise<CancellationOutcome>;
  // The operator's retry of a saga stuck in COMPENSATION_FAILED.
  retryCompensation(orderId: string): Promise<CompensationRetryOutcome>;
}
