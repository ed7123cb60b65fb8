import type { Product } from '../../domain/catalog/product.js';

export interface ProductCatalog {
  // Products that exist among the ids, in no particular order; unknown ids are simply absent.
  findByIds(productIds: readonly string[]): Promise<readonly Product[]>;
  // Creates the product or replaces its name and price.
  save(product: Product): Promise<void>;
}
