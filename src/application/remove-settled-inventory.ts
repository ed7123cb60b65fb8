import type { Clock } from './ports/clock.js';
import type { Inventory, RemovedRecords } from './ports/inventory.js';
import { type BatchLimits, inBatches } from './retention.js';

interface Dependencies {
  readonly inventory: Inventory;
  readonly clock: Clock;
  // How long an order's stock records outlive its settling (SETTLED_INVENTORY_RETENTION_DAYS).
  readonly retentionDays: number;
  readonly batches?: BatchLimits;
}

// Forgets the stock records of orders settled longer than the retention ago. The retention must stay far
// beyond the longest span over which a saga's reserve step may still be attempted (its retries, a worker
// that comes back, an operator's retry of a stuck compensation: minutes to hours): a reserve that arrives
// after its order's records are gone no longer sees that the order settled, and would hold stock that
// nothing ever releases. Hence days, not hours (config.ts refuses less than one).
export class RemoveSettledInventory {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  execute(): Promise<RemovedRecords> {
    const { inventory, clock, retentionDays, batches } = this.deps;
    const settledBefore = new Date(clock.now().getTime() - retentionDays * 24 * 3_600_000);
    return inBatches(batches, (limit) => inventory.removeSettled(settledBefore, limit));
  }
}
