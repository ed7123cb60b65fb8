import type { StockLevel } from '../../domain/stock/product-stock.js';
import type { StockRecount } from '../../domain/stock/stock-recount.js';

export interface ProductReconciliation {
  // null when the product has no stock record at all.
  readonly recount: StockRecount | null;
  // The counters written, when `decide` asked for a repair and the product was still as recounted.
  readonly repaired: StockLevel | null;
}

// How the inventory is checked against its own reservations, product by product.
export interface InventoryReconciliation {
  // Product ids in ascending order, after `after` (null: from the first), at most `limit` of them.
  productIds(after: string | null, limit: number): Promise<readonly string[]>;
  // Recounts one product while no reserve, release or commit can change it, and, if `decide` returns
  // counters, writes them before anything else may change the product.
  reconcile(
    productId: string,
    decide: (recount: StockRecount) => StockLevel | null,
  ): Promise<ProductReconciliation>;
}
