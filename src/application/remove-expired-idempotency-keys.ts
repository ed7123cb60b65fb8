import type { Clock } from './ports/clock.js';
import type { IdempotencyKeys } from './ports/idempotency-keys.js';
import type { RemovedRecords } from './ports/inventory.js';
import { type BatchLimits, inBatches } from './retention.js';

interface Dependencies {
  readonly idempotencyKeys: IdempotencyKeys;
  readonly clock: Clock;
  // How long a key outlives its answer (IDEMPOTENCY_KEY_RETENTION_HOURS), as payment APIs keep theirs.
  readonly retentionHours: number;
  readonly batches?: BatchLimits;
}

// Forgets Idempotency-Keys answered longer than the retention ago (and claims never answered, counted
// from the claim). A key used again after that is a new key: a new order or restock (run-once.ts).
export class RemoveExpiredIdempotencyKeys {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  execute(): Promise<RemovedRecords> {
    const { idempotencyKeys, clock, retentionHours, batches } = this.deps;
    const before = new Date(clock.now().getTime() - retentionHours * 3_600_000);
    return inBatches(batches, async (limit) => ({
      idempotencyKeys: await idempotencyKeys.removeExpired(before, limit),
    }));
  }
}
