import type { Product } from '../domain/catalog/product.js';
import { ProductNotFound } from '../domain/catalog/product-not-found.js';
import type { ProductCatalog } from './ports/product-catalog.js';

export async function requireProduct(catalog: ProductCatalog, productId: string): Promise<Product> {
  const [product] = await catalog.findByIds([productId]);
  if (product === undefined) throw new ProductNotFound(productId);
  return product;
}
