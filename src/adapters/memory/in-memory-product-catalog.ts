import type { ProductCatalog } from '../../application/ports/product-catalog.js';
import { Product, type ProductSnapshot } from '../../domain/catalog/product.js';

export class InMemoryProductCatalog implements ProductCatalog {
  private readonly rows = new Map<string, ProductSnapshot>();

  async findByIds(productIds: readonly string[]): Promise<readonly Product[]> {
    return [...new Set(productIds)].flatMap((id) => {
      const row = this.rows.get(id);
      return row === undefined ? [] : [Product.fromSnapshot(row)];
    });
  }

  async save(product: Product): Promise<void> {
    this.rows.set(product.id, product.toSnapshot());
  }
}
