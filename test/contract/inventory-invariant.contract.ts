import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/application/ports/inventory.js';
import { isDomainError } from '../../src/domain/shared/domain-error.js';
import { anOrderId, aProductId } from './inventory-subject.js';

const PRODUCTS = 3;
const ORDERS = 4;
const index = (size: number) => fc.integer({ min: 0, max: size - 1 });

// An order's lines never change, so each order gets one set of lines for the whole run.
const linesOfOrders = fc.array(
  fc.uniqueArray(fc.record({ product: index(PRODUCTS), quantity: fc.integer({ min: 1, max: 6 }) }), {
    minLength: 1,
    maxLength: PRODUCTS,
    selector: (line) => line.product,
  }),
  { minLength: ORDERS, maxLength: ORDERS },
);
const step = fc.oneof(
  fc.record({
    kind: fc.constant('restock' as const),
    product: index(PRODUCTS),
    quantity: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constantFrom('reserve' as const, 'release' as const, 'commit' as const),
    order: index(ORDERS),
  }),
);

// Fewer and shorter runs than the unit property on the memory twin: here each step is a round trip.
export function invariantCases(inventoryOf: () => Inventory): void {
  describe('invariant', () => {
    it('keeps available + reserved + committed equal to all stocked, and reserved equal to what is HELD', async () => {
      await fc.assert(
        fc.asyncProperty(linesOfOrders, fc.array(step, { maxLength: 25 }), async (linesOf, steps) => {
          const inventory = inventoryOf();
          const products = Array.from({ length: PRODUCTS }, aProductId);
          const orders = Array.from({ length: ORDERS }, anOrderId);
          const stocked = products.map(() => 0);
          const lines = (order: number) =>
            (linesOf[order] ?? []).map((l) => ({
              productId: products[l.product] ?? '',
              quantity: l.quantity,
            }));

          for (const each of steps) {
            try {
              if (each.kind === 'restock') {
                await inventory.restock(products[each.product] ?? '', each.quantity);
                stocked[each.product] = (stocked[each.product] ?? 0) + each.quantity;
              } else if (each.kind === 'reserve')
                await inventory.reserve(orders[each.order] ?? '', lines(each.order));
              else await inventory[each.kind](orders[each.order] ?? '');
            } catch (error) {
              // Refusals (no stock, illegal move) are part of the game; anything else is a bug.
              if (!isDomainError(error)) throw error;
            }
          }

          const reservations = (await Promise.all(orders.map((o) => inventory.reservationsOf(o)))).flat();
          for (const [i, productId] of products.entries()) {
            const level = await inventory.stockOf(productId);
            const sum = (status: string) =>
              reservations
                .filter((r) => r.productId === productId && r.status === status)
                .reduce((n, r) => n + r.quantity, 0);
            expect(level.available + level.reserved + level.committed).toBe(stocked[i]);
            expect(level.reserved).toBe(sum('HELD'));
            expect(level.committed).toBe(sum('COMMITTED'));
          }
          // All or nothing: an order holds a reservation for each of its lines or for none.
          for (const [i, orderId] of orders.entries()) {
            const held = reservations.filter((r) => r.orderId === orderId);
            if (held.length > 0) expect(held).toHaveLength(linesOf[i]?.length ?? -1);
          }
        }),
        { numRuns: 25 },
      );
    });
  });
}
