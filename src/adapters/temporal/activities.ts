import { ApplicationFailure, Context } from '@temporalio/activity';
import { ApplicationFailureCategory } from '@temporalio/common';
import type { CreatePendingOrderInput } from '../../application/create-pending-order.js';
import type { InventoryReconciliationReport } from '../../application/reconcile-inventory.js';
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

// One line per step at INFO; the logger adds the orderId, sagaId, activity and attempt (see
// pino-temporal-logger.ts). Faults are logged by the SDK itself, as a warning with the error.
function activity<I, O>(run: (input: I) => Promise<O>): (input: I) => Promise<Attempted<O>> {
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

// What the worker does with a report besides returning it (the drift gauges, metrics/inventory-drift.ts).
export interface ActivityObservers {
  readonly inventoryReconciled?: (report: InventoryReconciliationReport) => void;
}

// What reconcileInventory returns to its workflow: counts only, the products are in the worker's log.
export interface InventoryReconciliationSummary {
  readonly checked: number;
  readonly drifted: number;
  readonly repaired: number;
  readonly unreadable: number;
}

// Logs every product repaired (before and after) and every drift left for a person, one line each.
async function reconcileInventory(
  useCases: UseCases,
  observers: ActivityObservers,
): Promise<InventoryReconciliationSummary> {
  const { log } = Context.current();
  const report = await useCases.reconcileInventory.execute();
  observers.inventoryReconciled?.(report);
  for (const { before, after } of report.repaired)
    log.warn('inventory counters repaired from their reservations', {
      productId: after.productId,
      before,
      after,
    });
  const repaired = new Set(report.repaired.map(({ after }) => after.productId));
  for (const drift of report.drifted.filter(({ productId }) => !repaired.has(productId)))
    log.error('inventory drift left for an operator', { ...drift });
  for (const { productId, reason } of report.unreadable)
    log.error('inventory product could not be recounted', { productId, reason });
  const { checked, drifted, unreadable } = report;
  return { checked, drifted: drifted.length, repaired: repaired.size, unreadable: unreadable.length };
}

// The saga's activities, and the maintenance ones: each one a use-case, nothing more.
export function createActivities(useCases: UseCases, observers: ActivityObservers = {}) {
  return {
    createPendingOrder: activity((input: CreatePendingOrderInput) =>
      useCases.createPendingOrder.execute(input),
    ),
    reserveStock: activity((input: { orderId: string }) => useCases.reserveStock.execute(input)),
    releaseStock: activity((input: { orderId: string }) => useCases.releaseStock.execute(input)),
    authorizePayment: activity((input: { orderId: string; cardToken: string }) =>
      useCases.authorizePayment.execute(input),
    ),
    capturePayment: activity((input: { orderId: string }) => useCases.capturePayment.execute(input)),
    voidOrRefundPayment: activity((input: { orderId: string }) =>
      useCases.voidOrRefundPayment.execute(input),
    ),
    commitStock: activity((input: { orderId: string }) => useCases.commitStock.execute(input)),
    confirmOrder: activity((input: { orderId: string }) => useCases.confirmOrder.execute(input)),
    cancelOrder: activity((input: { orderId: string; code: string; reason: string }) =>
      useCases.cancelOrder.execute(input),
    ),
    markCompensationFailed: activity((input: { orderId: string; code: string; reason: string }) =>
      useCases.markCompensationFailed.execute(input),
    ),
    // For the maintenance workflow: recount every product, repair what is provable, report the rest.
    reconcileInventory: activity((_input: Record<string, never> = {}) =>
      reconcileInventory(useCases, observers),
    ),
  };
}

export type SagaActivities = ReturnType<typeof createActivities>;
