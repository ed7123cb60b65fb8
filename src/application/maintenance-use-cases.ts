import type { Clock } from './ports/clock.js';
import type { IdempotencyKeys } from './ports/idempotency-keys.js';
import type { Inventory } from './ports/inventory.js';
import type { InventoryReconciliation } from './ports/inventory-reconciliation.js';
import { ReconcileInventory } from './reconcile-inventory.js';
import { RemoveExpiredIdempotencyKeys } from './remove-expired-idempotency-keys.js';
import { RemoveSettledInventory } from './remove-settled-inventory.js';
import type { BatchLimits } from './retention.js';

export interface MaintenancePorts {
  readonly inventory: Inventory & InventoryReconciliation;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly clock: Clock;
}

export interface RetentionSettings {
  readonly settledInventoryDays: number;
  readonly idempotencyKeyHours: number;
  readonly batches?: BatchLimits;
}

export type MaintenanceUseCases = ReturnType<typeof createMaintenanceUseCases>;

// What the maintenance workflow's activities run (adapters/temporal/maintenance-activities.ts).
export function createMaintenanceUseCases(ports: MaintenancePorts, retention: RetentionSettings) {
  const { batches } = retention;
  return {
    reconcileInventory: new ReconcileInventory(ports),
    removeSettledInventory: new RemoveSettledInventory({
      ...ports,
      retentionDays: retention.settledInventoryDays,
      batches,
    }),
    removeExpiredIdempotencyKeys: new RemoveExpiredIdempotencyKeys({
      ...ports,
      retentionHours: retention.idempotencyKeyHours,
      batches,
    }),
  };
}
