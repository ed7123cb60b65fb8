import { Context } from '@temporalio/activity';
import type { MaintenanceUseCases } from '../../application/maintenance-use-cases.js';
import type { InventoryReconciliationReport } from '../../application/reconcile-inventory.js';
import { toFailure } from './activities.js';

// What the worker does with a report besides returning it (the drift gauges, metrics/inventory-drift.ts).
export interface MaintenanceObservers {
  readonly inventoryReconciled?: (report: InventoryReconciliationReport) => void;
}

// A maintenance task: no input, and an answer (for the removals, counts by kind) for the run's report.
function task<T extends object>(run: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      const done = await run();
      Context.current().log.info('maintenance task done', { ...done });
      return done;
    } catch (error) {
      throw toFailure(error);
    }
  };
}

// The maintenance workflow's activities: each one a use-case. A new task is one more entry here and its
// name in MAINTENANCE_TASKS (workflows/maintenance.workflow.ts).
export function createMaintenanceActivities(
  useCases: MaintenanceUseCases,
  observers: MaintenanceObservers = {},
) {
  return {
    reconcileInventory: task(() => reconcileInventory(useCases, observers)),
    removeSettledInventory: task(() => useCases.removeSettledInventory.execute()),
    removeExpiredIdempotencyKeys: task(() => useCases.removeExpiredIdempotencyKeys.execute()),
  };
}

// Recounts every product and repairs what is provable; returns counts only, and logs every product
// repaired (before and after) and every drift left for a person, one line each.
async function reconcileInventory(useCases: MaintenanceUseCases, observers: MaintenanceObservers) {
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

export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
