import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../../src/adapters/memory/in-memory-inventory.js';
import { isDomainError } from '../../../src/domain/shared/domain-error.js';

const PRODUCTS = ['p-1', 'p-2', 'p-3'];
const ORDERS = ['o-1', 'o-2', 'o-3', 'o-4'];

const productId = fc.constantFrom(...PRODUCTS);
const orderId = fc.constantFrom(...ORDERS);
const quantity = fc.integer({ min: 1, max: 6 });

// An order's lines never change, so each order gets one set of lines for the whole run.
const linesOf = fc.tuple(
  ...ORDERS.map(() =>
    fc.uniqueArray(fc.record({ productId, quantity }), {
      minLength: 1,
      maxLength: 3,
      selector: (l) => l.productId,
    }),
  ),
);
type Lines = { productId: string; quantity: number }[];

const action = fc.oneof(
  fc.record({ kind: fc.constant('restock' as const), productId, quantity }),
  fc.record({ kind: fc.constant('reserve' as const), orderId }),
  fc.record({ kind: fc.constant('release' as const), orderId }),
  fc.record({ kind: fc.constant('commit' as const), orderId }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

async function apply(inventory: InMemoryInventory, step: Action, lines: Lines[]): Promise<void> {
  try {
    if (step.kind === 'restock') await inventory.restock(step.productId, step.quantity);
    else if (step.kind === 'reserve')
      await inventory.reserve(step.orderId, lines[ORDERS.indexOf(step.orderId)] ?? []);
    else if (step.kind === 'release') await inventory.release(step.orderId);
    else await inventory.commit(step.orderId);
  } catch (error) {
    // Refusals (no stock, illegal move) are part of the game; anything else is a bug.
    if (!isDomainError(error)) throw error;
  }
}

describe('stock invariant', () => {
  it('holds after any sequence of reserve, release, commit and restock', async () => {
    await fc.assert(
      fc.asyncProperty(linesOf, fc.array(action, { maxLength: 40 }), async (lines, steps) => {
        const inventory = new InMemoryInventory();
        const stocked = new Map<string, number>();
        for (const step of steps) {
          await apply(inventory, step, lines);
          if (step.kind === 'restock')
            stocked.set(step.productId, (stocked.get(step.productId) ?? 0) + step.quantity);

          for (const id of PRODUCTS) {
            const level = await inventory.stockOf(id);
            expect(level.available).toBeGreaterThanOrEqual(0);
            expect(level.reserved).toBeGreaterThanOrEqual(0);
            expect(level.available + level.reserved + level.committed).toBe(stocked.get(id) ?? 0);
          }
        }
        // All or nothing: an order has a reservation for each of its lines or for none, all in one status.
        for (const [index, id] of ORDERS.entries()) {
          const reservations = await inventory.reservationsOf(id);
          if (reservations.length > 0) expect(reservations).toHaveLength(lines[index]?.length ?? -1);
          expect(new Set(reservations.map((r) => r.status)).size).toBeLessThanOrEqual(1);
        }
        // reserved and committed are exactly the sums of the HELD and COMMITTED reservations.
        for (const id of PRODUCTS) {
          const level = await inventory.stockOf(id);
          const all = (await Promise.all(ORDERS.map((o) => inventory.reservationsOf(o)))).flat();
          const sum = (status: string) =>
            all.filter((r) => r.productId === id && r.status === status).reduce((n, r) => n + r.quantity, 0);
          expect(level.reserved).toBe(sum('HELD'));
          expect(level.committed).toBe(sum('COMMITTED'));
        }
      }),
      { numRuns: 500 },
    );
  });
});
