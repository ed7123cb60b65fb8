import type { SagaProgress } from '../../application/ports/saga-control.js';
import type { OrderSnapshot } from '../../domain/order/order.js';

// An order as the API shows it: the snapshot without its storage version (an internal detail of
// optimistic locking), with plain arrays for the serializer.
export function orderBody(order: OrderSnapshot) {
  const { version: _version, ...shown } = order;
  return { ...shown, lines: [...order.lines] };
}

export function progressBody(progress: SagaProgress | null) {
  if (progress === null) return null;
  const { phase, failure, steps, compensations, waitingFor } = progress;
  return { phase, failure, steps: [...steps], compensations: [...compensations], waitingFor };
}
