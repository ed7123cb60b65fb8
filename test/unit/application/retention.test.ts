import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../../src/adapters/memory/in-memory-inventory.js';
import { ManualClock } from '../../../src/adapters/memory/manual-clock.js';
import { RemoveSettledInventory } from '../../../src/application/remove-settled-inventory.js';
import { inBatches } from '../../../src/application/retention.js';

const DAY = 24 * 3_600_000;

describe('a maintenance task in batches', () => {
  it('adds up each kind over the batches and stops at the first batch that removed nothing', async () => {
    const left = [3, 2, 0, 5];
    const calls: number[] = [];
    const total = await inBatches({ size: 3, count: 10 }, async (limit) => {
      calls.push(limit);
      return { things: left.shift() ?? 0, others: 1 - Math.min(1, calls.length - 1) };
    });
    expect(total).toEqual({ things: 5, others: 1 });
    expect(calls).toEqual([3, 3, 3]);
  });

  it('stops after its number of batches, leaving the rest to the next run', async () => {
    let calls = 0;
    const total = await inBatches({ size: 2, count: 4 }, async () => {
      calls += 1;
      return { things: 2 };
    });
    expect([calls, total]).toEqual([4, { things: 8 }]);
  });
});

describe('RemoveSettledInventory', () => {
  async function settled(inventory: InMemoryInventory, orderId: string) {
    await inventory.reserve(orderId, [{ productId: 'p-1', quantity: 1 }]);
    await inventory.commit(orderId);
  }

  it('removes what orders settled more than the retention ago left, and keeps the younger ones', async () => {
    const clock = new ManualClock();
    const inventory = new InMemoryInventory(clock);
    await inventory.restock('p-1', 10);
    await settled(inventory, 'old');
    clock.advance(2 * DAY);
    await settled(inventory, 'young');
    clock.advance(29 * DAY);
    const removed = await new RemoveSettledInventory({ inventory, clock, retentionDays: 30 }).execute();
    expect(removed).toMatchObject({ settledOrders: 1 });
    expect(await inventory.reservationsOf('old')).toEqual([]);
    expect(await inventory.reservationsOf('young')).toMatchObject([{ status: 'COMMITTED' }]);
  });
});
