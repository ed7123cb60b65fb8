import { Product } from '../../domain/catalog/product.js';
import type { ProductRecord } from './product.entity.js';

export function toProductRecord(product: Product): ProductRecord {
  const { id, name, unitPrice } = product.toSnapshot();
  return { id, name, unitPriceAmount: unitPrice.amount, unitPriceCurrency: unitPrice.currency };
}

export function fromProductRecord(record: ProductRecord): Product {
  return Product.fromSnapshot({
    id: record.id,
    name: record.name,
    unitPrice: { amount: record.unitPriceAmount, currency: record.unitPriceCurrency },
  });
}
