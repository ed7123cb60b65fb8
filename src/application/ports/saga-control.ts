import type { SagaProgress } from '../sagas/saga-progress.js';
import type { OrderSagaInput } from './saga-starter.js';

// The progress of a saga is declared once, with the sagas.
export type { SagaPhase, SagaProgress } from '../sagas/saga-progress.js';

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

// RECORDED: the saga took the news and recorded it (or had, for the same news sent again). REFUSED: it
// runs but does not take that news now (`code` says why). CLOSED: the saga is over. NO_SAGA: none began.
export type NewsOutcome =
  | { readonly outcome: 'RECORDED' | 'CLOSED' | 'NO_SAGA' }
  | { readonly outcome: 'REFUSED'; readonly code: string };

// Reads and steers a running saga. Throws DependencyUnavailable when the saga engine cannot answer.
export interface SagaControl {
  // null when no saga was ever started for the order.
  progressOf(orderId: string): Promise<SagaProgress | null>;
  startedSagaOf(orderId: string): Promise<StartedSaga | null>;
  cancel(orderId: string, reason: string): Promise<CancellationOutcome>;
  // News from outside the saga waits for, e.g. the warehouse's 'shipment' of the order.
  sendNews(orderId: string, news: 'shipment' | 'delivery', payload: object): Promise<NewsOutcome>;
  // The operator's retry of a saga stuck in COMPENSATION_FAILED.
  retryCompensation(orderId: string): Promise<CompensationRetryOutcome>;
}
