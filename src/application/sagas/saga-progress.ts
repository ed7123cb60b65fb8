// What a saga tells about itself, step by step: the answer of the Temporal workflow's `progress` query,
// the port's SagaProgress and (checked by the compiler) the HTTP API's SagaProgress schema. Plain data;
// imports nothing, so workflow code may import it.

// CONFIRMED ends a saga with nothing to wait for; one that waits for news afterwards (an order's
// shipment, then its delivery) stays in it, then SHIPPED, until it ends DELIVERED.
export type SagaPhase =
  | 'RUNNING'
  | 'COMPENSATING'
  | 'COMPENSATION_FAILED'
  | 'CONFIRMED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED';

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';
export type CompensationState = 'pending' | 'running' | 'done' | 'failed';

export interface StepError {
  readonly code: string;
  readonly message: string;
}

export interface SagaStepProgress {
  readonly step: string;
  readonly state: StepState;
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: StepError | null;
  // The ids other systems gave to what this step did, e.g. reservation and authorization ids.
  readonly externalIds: Readonly<Record<string, string>>;
}

export interface SagaCompensationProgress {
  readonly compensation: string;
  // The step whose effects this undoes.
  readonly undoes: string;
  readonly state: CompensationState;
  readonly attempts: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: StepError | null;
}

export interface SagaProgress {
  readonly phase: SagaPhase;
  readonly failure: { readonly code: string; readonly reason: string; readonly step: string | null } | null;
  readonly steps: SagaStepProgress[];
  // In the order they run (reverse of the steps); only those registered so far.
  readonly compensations: SagaCompensationProgress[];
  // The news the saga waits for now (e.g. shipment), and until when; null while it does not wait.
  readonly waitingFor: { readonly news: string; readonly deadline: string | null } | null;
}
