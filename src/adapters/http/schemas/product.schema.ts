import { Type } from '@sinclair/typebox';
import { MoneySchema, PriceInput, ProductId } from './common.schema.js';
import { ref } from './ref.js';

export const MAX_RESTOCK_QUANTITY = 1_000_000;

export const ProductParams = Type.Object({ productId: ProductId }, { additionalProperties: false });

export const RegisterProductBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Ergonomic keyboard'] }),
    unitPrice: PriceInput,
  },
  {
    $id: 'RegisterProductRequest',
    additionalProperties: false,
    description: "The product's name and unit price.",
    examples: [{ name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } }],
  },
);

export const RestockBody = Type.Object(
  {
    quantity: Type.Integer({
      minimum: 1,
      maximum: MAX_RESTOCK_QUANTITY,
      description: 'Units delivered, added to what is available. Not idempotent: two calls, two deliveries.',
      examples: [25],
    }),
  },
  {
    $id: 'RestockRequest',
    additionalProperties: false,
    description: 'A delivery.',
    examples: [{ quantity: 25 }],
  },
);

export const ProductSchema = Type.Object(
  { id: ProductId, name: Type.String(), unitPrice: ref(MoneySchema) },
  {
    $id: 'Product',
    additionalProperties: false,
    examples: [{ id: 'kb-ergo', name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } }],
  },
);

export const StockLevelSchema = Type.Object(
  {
    productId: ProductId,
    available: Type.Integer({ minimum: 0, description: 'On the shelf, free to reserve.' }),
    reserved: Type.Integer({ minimum: 0, description: 'Held for orders whose saga is running.' }),
    committed: Type.Integer({ minimum: 0, description: 'Gone with confirmed orders.' }),
  },
  {
    $id: 'StockLevel',
    additionalProperties: false,
    examples: [{ productId: 'kb-ergo', available: 48, reserved: 0, committed: 2 }],
  },
);

export const sharedProductSchemas = [RegisterProductBody, RestockBody, ProductSchema, StockLevelSchema];
