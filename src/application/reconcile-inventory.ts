import type { StockLevel } from '../domain/stock/product-stock.js';
import { driftOf, hasDrift, provableRepair, type StockDrift } from '../domain/stock/stock-recount.js';
import type { InventoryReconciliation } from './ports/inventory-reconciliation.js';
import { isTransientFault } from './transient-fault.js';

export interface InventoryReconciliationReport {
  readonly checked: number;
  // Products whose counters disagreed with their reservations, repaired or not.
  readonly drifted: readonly StockDrift[];
  // Those repaired, with the counters before and after.
  readonly repaired: readonly { readonly before: StockLevel; readonly after: StockLevel }[];
  // Products that could not be recounted (a document this code cannot read): named, not guessed at.
  readonly unreadable: readonly { readonly productId: string; readonly reason: string }[];
}

interface Dependencies {
  readonly inventory: InventoryReconciliation;
}

const PAGE = 100;

// Recounts every product from its reservations and repairs only what provableRepair can prove. Safe
// to run at any time and twice: a product is recounted under the same exclusion as a reserve, and a
// repaired product shows no drift the next time.
export class ReconcileInventory {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(): Promise<InventoryReconciliationReport> {
    const { inventory } = this.deps;
    let checked = 0;
    const drifted: StockDrift[] = [];
    const repaired: { before: StockLevel; after: StockLevel }[] = [];
    const unreadable: { productId: string; reason: string }[] = [];
    for (let after: string | null = null; ; ) {
      const page: readonly string[] = await inventory.productIds(after, PAGE);
      for (const productId of page) {
        const result = await inventory.reconcile(productId, provableRepair).catch((error: unknown) => {
          // An outage stops the run (the activity retries it); one bad product must not stop the rest.
          if (isTransientFault(error)) throw error;
          unreadable.push({ productId, reason: error instanceof Error ? error.message : String(error) });
          return null;
        });
        if (result?.recount == null) continue;
        checked += 1;
        const drift = driftOf(result.recount);
        if (hasDrift(drift)) drifted.push(drift);
        if (result.repaired !== null) repaired.push({ before: result.recount.level, after: result.repaired });
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1] ?? null;
    }
    return { checked, drifted, repaired, unreadable };
  }
}
