import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/application/ports/inventory.js';
import { anOrderId, type InventoryFixture, outcomeOf, stateOf } from './inventory-subject.js';

type Step = (fixture: InventoryFixture) => Promise<unknown>;

const reserve: Step = (f) => f.inventory.reserve(f.order, f.lines.slice(0, 2));
const reserveShort: Step = (f) => f.inventory.reserve(f.order, f.lines);
const release: Step = (f) => f.inventory.release(f.order);
const commit: Step = (f) => f.inventory.commit(f.order);

// Each operation a saga step makes, after what the saga would have done before it, and the refusals too:
// a retried step must find the state, and the answer, that its first run left.
const CASES: readonly [string, readonly Step[], Step][] = [
  ['reserve', [], reserve],
  ['reserve refused for lack of stock', [], reserveShort],
  ['reserve after release', [reserve, release], reserve],
  ['reserve after commit', [reserve, commit], reserve],
  ['release', [reserve], release],
  ['release of nothing', [], release],
  ['release refused after commit', [reserve, commit], release],
  ['commit', [reserve], commit],
  ['commit refused after release', [reserve, release], commit],
  ['commit of nothing', [], commit],
];

const state = (inventory: Inventory, f: InventoryFixture) =>
  stateOf(inventory, [f.p1, f.p2, f.p3], [f.order]);

export function idempotencyCases(current: () => InventoryFixture): void {
  describe('idempotency', () => {
    it.each(CASES)('run twice, %s leaves the state and answer of once', async (_, before, step) => {
      const fixture = current();
      for (const earlier of before) await earlier(fixture);

      const first = await outcomeOf(step(fixture));
      const afterOnce = await state(fixture.inventory, fixture);
      const second = await outcomeOf(step(fixture));

      expect(await state(fixture.inventory, fixture)).toEqual(afterOnce);
      expect(second).toEqual(first);
    });

    // FerretDB 1.x answers a negation over an array's field (`'reservations.orderId': { $ne: id }`) as
    // "some element differs", so a guard written that way lets a retried reserve hold twice as soon as
    // another order holds on the same product (reserve-line.ts).
    it.each(CASES)(
      "run twice beside another order's reservations, %s leaves the state and answer of once",
      async (_, before, step) => {
        const fixture = current();
        const other = anOrderId();
        const otherLines = [fixture.p1, fixture.p2].map((productId) => ({ productId, quantity: 1 }));
        await fixture.inventory.reserve(other, otherLines);
        for (const earlier of before) await earlier(fixture);
        const both = () =>
          stateOf(fixture.inventory, [fixture.p1, fixture.p2, fixture.p3], [fixture.order, other]);

        const first = await outcomeOf(step(fixture));
        const afterOnce = await both();
        const second = await outcomeOf(step(fixture));

        expect(await both()).toEqual(afterOnce);
        expect(second).toEqual(first);
        await fixture.inventory.release(other);
        const { levels, reservations } = await both();
        const heldOn = (productId: string) =>
          reservations
            .filter((r) => r.productId === productId && r.status === 'HELD')
            .reduce((sum, r) => sum + r.quantity, 0);
        expect(levels.map((level) => level.reserved)).toEqual(levels.map((l) => heldOn(l.productId)));
      },
    );
  });
}
