import type { SagaResult } from '../../src/adapters/temporal/workflows/saga-progress.js';
import type { OrderSagaInput } from '../../src/application/ports/saga-starter.js';

// The benchmark's ceiling: registered as 'orderSaga' like the real saga and started the same way, but it
// does nothing, so no saga on this Temporal server can complete faster than it does.
export async function orderSaga(input: OrderSagaInput): Promise<SagaResult> {
  return { status: 'CONFIRMED', orderId: input.orderId };
}

// Every worker runs the maintenance its schedule starts, whichever saga it runs.
export { maintenance } from '../../src/adapters/temporal/workflows/maintenance.workflow.js';
