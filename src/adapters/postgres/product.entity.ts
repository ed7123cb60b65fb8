import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';

// The catalogue: what is sold and at what price. Stock is MongoDB's business, not a column here.
export const ProductRecord = defineEntity({
  name: 'ProductRecord',
  tableName: 'products',
  properties: {
    id: p.string().length(100).primary(),
    name: p.string().length(200),
    unitPriceAmount: p.bigint('number'),
    unitPriceCurrency: p.character().length(3),
  },
  checks: [{ name: 'products_unit_price_amount_check', expression: 'unit_price_amount >= 0' }],
});

export type ProductRecord = InferEntity<typeof ProductRecord>;
