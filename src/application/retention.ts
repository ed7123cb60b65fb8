import type { RemovedRecords } from './ports/inventory.js';

// A maintenance run removes at most `size` records of a kind per call and `count` calls per run, so a
// run stays short however much piled up; the next run takes the rest.
export interface BatchLimits {
  readonly size: number;
  readonly count: number;
}

const DEFAULT_BATCHES: BatchLimits = { size: 100, count: 20 };

// Calls `remove` until a call removes nothing or the batches run out, and adds up what went.
export async function inBatches(
  limits: BatchLimits = DEFAULT_BATCHES,
  remove: (limit: number) => Promise<RemovedRecords>,
): Promise<RemovedRecords> {
  const total: Record<string, number> = {};
  for (let batch = 0; batch < limits.count; batch += 1) {
    const removed = await remove(limits.size);
    for (const [kind, count] of Object.entries(removed)) total[kind] = (total[kind] ?? 0) + count;
    if (Object.values(removed).every((count) => count === 0)) break;
  }
  return total;
}
