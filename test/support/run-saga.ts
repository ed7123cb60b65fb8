import type { OrderSagaInput } from '../../src/application/ports/saga-starter.js';
import { isTransientFault } from '../../src/application/transient-fault.js';
import type { UseCases } from '../../src/application/use-cases.js';
import type { OrderFailure } from '../../src/domain/order/order-failure.js';
import { isDomainError } from '../../src/domain/shared/domain-error.js';

export type SagaResult =
  | { readonly status: 'CONFIRMED' }
  | { readonly status: 'CANCELLED' | 'COMPENSATION_FAILED'; readonly code: string };

// The saga in plain code, in the order the Temporal workflow will run it, to check that the use-cases
// fit together. Not the workflow: no retries, no durability.
export async function runSaga(
  useCases: UseCases,
  input: OrderSagaInput,
  sagaId: string,
): Promise<SagaResult> {
  const { orderId } = input;
  const compensations: ((failure: OrderFailure) => Promise<unknown>)[] = [];
  let failure: OrderFailure;
  try {
    await useCases.createPendingOrder.execute({ ...input, sagaId });
    compensations.unshift((why) => useCases.cancelOrder.execute({ orderId, ...why }));
    // Registered before the step runs: a step whose answer was lost may still have done its work.
    compensations.unshift(() => useCases.releaseStock.execute({ orderId }));
    await useCases.reserveStock.execute({ orderId });
    compensations.unshift(() => useCases.voidOrRefundPayment.execute({ orderId }));
    await useCases.authorizePayment.execute({ orderId, cardToken: input.cardToken });
    await useCases.capturePayment.execute({ orderId });
    await useCases.commitStock.execute({ orderId });
    await useCases.confirmOrder.execute({ orderId });
    return { status: 'CONFIRMED' };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    failure = { code: error.code, reason: error.message };
  }
  try {
    for (const compensate of compensations) await compensate(failure);
    return { status: 'CANCELLED', code: failure.code };
  } catch (error) {
    const code = isDomainError(error) || isTransientFault(error) ? error.code : 'UNKNOWN';
    await useCases.markCompensationFailed.execute({ orderId, code, reason: String(error) });
    return { status: 'COMPENSATION_FAILED', code };
  }
}
