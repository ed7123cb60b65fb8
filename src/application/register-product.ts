import { Product, type ProductSnapshot } from '../domain/catalog/product.js';
import { Money } from '../domain/shared/money.js';
import type { ProductCatalog } from './ports/product-catalog.js';

interface Dependencies {
  readonly catalog: ProductCatalog;
}

// Adds a product to the catalogue, or changes its name and price. Orders already placed keep the
// price they were placed at.
export class RegisterProduct {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: ProductSnapshot): Promise<ProductSnapshot> {
    const product = Product.create({ ...input, unitPrice: Money.fromSnapshot(input.unitPrice) });
    await this.deps.catalog.save(product);
    return product.toSnapshot();
  }
}
