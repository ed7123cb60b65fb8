import { Money, type MoneySnapshot } from '../shared/money.js';
import { requireId, requireText } from '../shared/require.js';

export interface ProductSnapshot {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: MoneySnapshot;
}

// What the catalogue sells and at what price. Stock is kept apart (stock/), because prices are read
// when an order is placed while stock is changed by the saga under contention.
export class Product {
  readonly id: string;
  readonly name: string;
  readonly unitPrice: Money;

  private constructor(id: string, name: string, unitPrice: Money) {
    this.id = id;
    this.name = name;
    this.unitPrice = unitPrice;
  }

  static create(input: { id: string; name: string; unitPrice: Money }): Product {
    return new Product(
      requireId(input.id, 'productId'),
      requireText(input.name, 'name', 200),
      input.unitPrice,
    );
  }

  static fromSnapshot(snapshot: ProductSnapshot): Product {
    return Product.create({ ...snapshot, unitPrice: Money.fromSnapshot(snapshot.unitPrice) });
  }

  toSnapshot(): ProductSnapshot {
    return { id: this.id, name: this.name, unitPrice: this.unitPrice.toSnapshot() };
  }
}
