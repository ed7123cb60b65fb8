// What the saga tells about itself through its `progress` query. Plain data shared by the workflow, the
// client and the HTTP layer; imports nothing, so workflow code may import it.

export const SAGA_STEPS = [
  'createOrder',
  'reserveStock',
  'authorizePayment',
  'capturePayment',
  'commitStock',
  'confirmOrder',
] as const;
export type SagaStep = (typeof SAGA_STEPS)[number];

export const COMPENSATIONS = ['voidOrRefundPayment', 'releaseStock', 'cancelOrder'] as const;
export type Compensation = (typeof COMPENSATIONS)[number];

export type StepState = 'pending' | 'running' | 'done' | 'failed' | 'compensating' | 'compensated';
export type CompensationState = 'pending' | 'running' | 'done' | 'failed';

export interface StepRecord {
  readonly step: SagaStep;
  state: StepState;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  // The ids other systems gave to what this step did, e.g. reservation and authorization ids.
  externalIds: Record<string, string>;
}

export interface CompensationRecord {
  readonly compensation: Compensation;
  // The step whose effects this undoes.
  readonly undoes: SagaStep;
  state: CompensationState;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
}

export type SagaPhase = 'RUNNING' | 'COMPENSATING' | 'COMPENSATION_FAILED' | 'CONFIRMED' | 'CANCELLED';

export interface SagaProgress {
  readonly orderId: string;
  phase: SagaPhase;
  failure: { code: string; reason: string; step: SagaStep | null } | null;
  readonly steps: StepRecord[];
  // In the order they run (reverse of the steps); only those registered so far.
  readonly compensations: CompensationRecord[];
}

export type SagaResult =
  | { readonly status: 'CONFIRMED'; readonly orderId: string }
  | {
      readonly status: 'CANCELLED';
      readonly orderId: string;
      readonly code: string;
      readonly reason: string;
      readonly failedStep: SagaStep | null;
    };

// The code recorded on an order cancelled at its customer's request while its saga was in flight.
export const CANCELLED_ON_REQUEST = 'ORDER.CANCELLED_ON_REQUEST';

export function sagaIdOf(orderId: string): string {
  return `order-${orderId}`;
}

// The order a saga id names; null for a workflow id that is not an order saga's.
export function orderIdOf(workflowId: string): string | null {
  return workflowId.startsWith('order-') ? workflowId.slice('order-'.length) : null;
}
