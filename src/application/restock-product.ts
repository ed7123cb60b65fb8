import type { StockLevel } from '../domain/stock/product-stock.js';
import type { Inventory } from './ports/inventory.js';
import type { ProductCatalog } from './ports/product-catalog.js';
import { requireProduct } from './require-product.js';

interface Dependencies {
  readonly catalog: ProductCatalog;
  readonly inventory: Inventory;
}

// Without a restockId not idempotent, unlike the saga's steps: two deliveries of the same size are two
// deliveries. With one (RestockProductOnce gives the Idempotency-Key's), adds the units once per id.
export class RestockProduct {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { productId: string; quantity: number; restockId?: string }): Promise<StockLevel> {
    const product = await requireProduct(this.deps.catalog, input.productId);
    return this.deps.inventory.restock(product.id, input.quantity, input.restockId);
  }
}
