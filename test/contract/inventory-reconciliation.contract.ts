import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/application/ports/inventory.js';
import type { InventoryReconciliation } from '../../src/application/ports/inventory-reconciliation.js';
import type { StockLevel } from '../../src/domain/stock/product-stock.js';
import { provableRepair } from '../../src/domain/stock/stock-recount.js';
import { anOrderId, aProductId, RUN_PREFIX } from './inventory-subject.js';

export interface ReconciledInventoryUnderTest {
  readonly inventory: Inventory & InventoryReconciliation;
  // What a store that lost half a write leaves behind: the counters alone changed.
  overwriteCounters(level: StockLevel): Promise<void>;
  stop(): Promise<void>;
}

// How every adapter recounts a product from its reservations, and which drift it repairs. Cases call
// the port per product, never the whole inventory: other suites share the database.
export function reconciliationContract(
  name: string,
  start: () => Promise<ReconciledInventoryUnderTest>,
): void {
  describe(`${name} (InventoryReconciliation contract)`, () => {
    let subject: ReconciledInventoryUnderTest;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(() => subject.stop());

    // 10 stocked; 2 held by one order, 3 committed by another, 1 released by a third.
    async function aProductInUse(): Promise<{ productId: string; held: string }> {
      const { inventory } = subject;
      const [productId, held, committed, released] = [aProductId(), anOrderId(), anOrderId(), anOrderId()];
      await inventory.restock(productId, 10);
      await inventory.reserve(held, [{ productId, quantity: 2 }]);
      await inventory.reserve(committed, [{ productId, quantity: 3 }]);
      await inventory.commit(committed);
      await inventory.reserve(released, [{ productId, quantity: 1 }]);
      await inventory.release(released);
      return { productId, held };
    }

    it('recounts a product from its reservations and leaves one that agrees as it is', async () => {
      const { productId } = await aProductInUse();
      const level = { productId, available: 5, reserved: 2, committed: 3 };

      const result = await subject.inventory.reconcile(productId, provableRepair);

      expect(result).toEqual({
        recount: { level, held: 2, stranded: 0, committed: 3, unfinishedMoves: 0 },
        repaired: null,
      });
      expect(await subject.inventory.stockOf(productId)).toEqual(level);
    });

    it('recounts committed stock that came back on the shelf as returned, not committed', async () => {
      const { productId } = await aProductInUse();
      const returned = anOrderId();
      await subject.inventory.reserve(returned, [{ productId, quantity: 4 }]);
      await subject.inventory.commit(returned);
      await subject.inventory.returnCommitted(returned);

      const result = await subject.inventory.reconcile(productId, provableRepair);

      const level = { productId, available: 5, reserved: 2, committed: 3 };
      expect(result).toEqual({
        recount: { level, held: 2, stranded: 0, committed: 3, unfinishedMoves: 0 },
        repaired: null,
      });
    });

    it('repairs a reserved count above what is held, when committed agrees: the rest goes back on the shelf', async () => {
      const { productId, held } = await aProductInUse();
      await subject.overwriteCounters({ productId, available: 4, reserved: 3, committed: 3 });

      const result = await subject.inventory.reconcile(productId, provableRepair);

      const repaired = { productId, available: 5, reserved: 2, committed: 3 };
      expect(result.repaired).toEqual(repaired);
      expect(await subject.inventory.stockOf(productId)).toEqual(repaired);
      expect(await subject.inventory.reservationsOf(held)).toMatchObject([{ status: 'HELD', quantity: 2 }]);
      expect((await subject.inventory.reconcile(productId, provableRepair)).repaired).toBeNull();
    });

    it('refuses to touch a product whose committed count disagrees with its committed reservations', async () => {
      const { productId } = await aProductInUse();
      // One unit left the shelf as committed with no order behind it, and reserved lost one too.
      const drifted = { productId, available: 4, reserved: 1, committed: 5 };
      await subject.overwriteCounters(drifted);

      const result = await subject.inventory.reconcile(productId, provableRepair);

      expect(result).toMatchObject({ recount: { held: 2, committed: 3 }, repaired: null });
      expect(await subject.inventory.stockOf(productId)).toEqual(drifted);
    });

    it('writes nothing when the decision is to leave the product alone', async () => {
      const { productId } = await aProductInUse();
      await subject.overwriteCounters({ productId, available: 4, reserved: 3, committed: 3 });

      expect((await subject.inventory.reconcile(productId, () => null)).repaired).toBeNull();
      expect(await subject.inventory.stockOf(productId)).toMatchObject({ available: 4, reserved: 3 });
    });

    it('recounts nothing for a product never stocked', async () => {
      expect(await subject.inventory.reconcile(aProductId(), provableRepair)).toEqual({
        recount: null,
        repaired: null,
      });
    });

    it('lists product ids in order, a page at a time', async () => {
      const mine = [aProductId(), aProductId(), aProductId()];
      for (const productId of mine) await subject.inventory.restock(productId, 1);

      const paged: string[] = [];
      for (let after = `${RUN_PREFIX}-`; ; ) {
        const [next] = await subject.inventory.productIds(after, 1);
        if (next === undefined || !next.startsWith(RUN_PREFIX)) break;
        paged.push(next);
        after = next;
      }
      expect(paged).toEqual([...paged].sort());
      expect(paged.filter((id) => mine.includes(id))).toEqual([...mine].sort());
    });
  });
}
