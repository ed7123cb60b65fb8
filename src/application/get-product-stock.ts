import type { StockLevel } from '../domain/stock/product-stock.js';
import type { Inventory } from './ports/inventory.js';
import type { ProductCatalog } from './ports/product-catalog.js';
import { requireProduct } from './require-product.js';

interface Dependencies {
  readonly catalog: ProductCatalog;
  readonly inventory: Inventory;
}

export class GetProductStock {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { productId: string }): Promise<StockLevel> {
    const product = await requireProduct(this.deps.catalog, input.productId);
    return this.deps.inventory.stockOf(product.id);
  }
}
