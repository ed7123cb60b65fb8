import type { ProductSnapshot } from '../domain/catalog/product.js';
import type { ProductCatalog } from './ports/product-catalog.js';
import { requireProduct } from './require-product.js';

interface Dependencies {
  readonly catalog: ProductCatalog;
}

export class GetProduct {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { productId: string }): Promise<ProductSnapshot> {
    return (await requireProduct(this.deps.catalog, input.productId)).toSnapshot();
  }
}
