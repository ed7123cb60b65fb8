import type { OrderSagaInput } from '../../../application/ports/saga-starter.js';
import { orderSagaDefinition } from '../../../application/sagas/order-saga.js';
import type { SagaResult } from './saga-progress.js';
import { runSaga } from './saga-workflow.js';

export { cancelUpdate, newsUpdate, progressQuery, retryCompensationUpdate } from './saga-workflow.js';

// The order saga: its steps are in application/sagas/order-saga.ts; saga-workflow.ts runs them.
export async function orderSaga(input: OrderSagaInput): Promise<SagaResult> {
  const outcome = await runSaga(orderSagaDefinition, input);
  return { ...outcome, orderId: input.orderId };
}
