import { ApplicationFailure, Context } from '@temporalio/activity';
import { ApplicationFailureCategory } from '@temporalio/common';
import type { CreatePendingOrderInput } from '../../application/create-pending-order.js';
import type { ShipOrderInput } from '../../application/ship-order.js';
import { isTransientFault } from '../../application/transient-fault.js';
import type { UseCases } from '../../application/use-cases.js';
import { isDomainError } from '../../domain/shared/domain-error.js';

// What an activity hands back: the use-case's answer and the attempt that produced it, so the saga's
// progress can tell how often a step had to be retried.
export interface Attempted<T> {
  readonly value: T;
  readonly attempt: number;
}

// A business refusal fails the activity for good (the saga compensates); a transient fault fails this
// attempt only (the retry policy tries again); anything else is unexpected and also retried.
// A refusal is BENIGN: a declined card is an outcome, so the SDK neither warns of it nor counts it in
// its activity failure metrics, which then measure faults only.
export function toFailure(error: unknown): unknown {
  const attempt = Context.current().info.attempt;
  if (isDomainError(error)) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: [{ attempt }],
      category: ApplicationFailureCategory.BENIGN,
    });
  }
  if (isTransientFault(error)) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: false,
      details: [{ attempt }],
      cause: error.cause instanceof Error ? error.cause : undefined,
    });
  }
  return error;
}

// A saga step's activity, whatever its saga: one line per step at INFO; the logger adds the saga's ids,
// activity and attempt (see pino-temporal-logger.ts). Faults are logged by the SDK itself, as a warning.
export function activity<I, O>(run: (input: I) => Promise<O>): (input: I) => Promise<Attempted<O>> {
  return async (input) => {
    const { log, info } = Context.current();
    try {
      const value = await run(input);
      log.info('step done');
      return { value, attempt: info.attempt };
    } catch (error) {
      if (isDomainError(error)) log.info('step refused', { code: error.code, reason: error.message });
      throw toFailure(error);
    }
  };
}

// The saga's activities: each one a use-case, nothing more.
export function createActivities(useCases: UseCases) {
  return {
    createPendingOrder: activity((input: CreatePendingOrderInput) =>
      useCases.createPendingOrder.execute(input),
    ),
    reserveStock: activity((input: { orderId: string }) => useCases.reserveStock.execute(input)),
    releaseStock: activity((input: { orderId: string }) => useCases.releaseStock.execute(input)),
    authorizePayment: activity((input: Parameters<UseCases['authorizePayment']['execute']>[0]) =>
      useCases.authorizePayment.execute(input),
    ),
    capturePayment: activity((input: { orderId: string }) => useCases.capturePayment.execute(input)),
    voidOrRefundPayment: activity((input: { orderId: string }) =>
      useCases.voidOrRefundPayment.execute(input),
    ),
    commitStock: activity((input: { orderId: string }) => useCases.commitStock.execute(input)),
    confirmOrder: activity((input: { orderId: string }) => useCases.confirmOrder.execute(input)),
    shipOrder: activity((input: ShipOrderInput) => useCases.shipOrder.execute(input)),
    deliverOrder: activity((input: { orderId: string }) => useCases.deliverOrder.execute(input)),
    returnCommittedStock: activity((input: { orderId: string }) =>
      useCases.returnCommittedStock.execute(input),
    ),
    cancelOrder: activity((input: { orderId: string; code: string; reason: string }) =>
      useCases.cancelOrder.execute(input),
    ),
    markCompensationFailed: activity((input: { orderId: string; code: string; reason: string }) =>
      useCases.markCompensationFailed.execute(input),
    ),
  };
}

export type SagaActivities = ReturnType<typeof createActivities>;
