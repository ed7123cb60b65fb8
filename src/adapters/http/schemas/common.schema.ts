import { type TSchema, Type } from '@sinclair/typebox';

// Letters, digits, '-' and '_': no '$', no '.', no spaces, so an id can never turn into a MongoDB
// operator or field path, whatever query it ends up in.
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]*$';

export const Id = (description: string, example: string) =>
  Type.String({ pattern: ID_PATTERN, minLength: 1, maxLength: 100, description, examples: [example] });

export const OrderId = Id(
  'The order id the API gave out when the order was placed.',
  'c0ffee00-0000-4000-8000-000000000001',
);
export const ProductId = Id('A product of the catalogue.', 'kb-ergo');
export const CustomerId = Id('Who places the order.', 'customer-42');

export const MoneySchema = Type.Object(
  {
    amount: Type.Integer({
      minimum: 0,
      maximum: 9_007_199_254_740_991,
      description: 'In minor units of the currency (cents for EUR): 1250 is 12.50 EUR. Never a fraction.',
      examples: [8999],
    }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code.', examples: ['EUR'] }),
  },
  { $id: 'Money', additionalProperties: false, description: 'An amount of money, exact.' },
);

// A price as a client may send it: bounded, so that a total of many lines stays a safe integer.
export const PriceInput = Type.Object(
  {
    amount: Type.Integer({ minimum: 0, maximum: 100_000_000, examples: [8999] }),
    currency: Type.String({ pattern: '^[A-Z]{3}$', examples: ['EUR'] }),
  },
  { additionalProperties: false, description: 'Unit price in minor units (at most 1,000,000.00).' },
);

export const Timestamp = Type.String({ format: 'date-time', examples: ['2025-01-01T12:00:00.000Z'] });

// A closed set of strings as a plain `enum`, which OpenAPI tools turn into a union of literals.
export function StringEnum<const T extends string>(
  values: readonly T[],
  options: { $id?: string; description?: string } = {},
) {
  return Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
}

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

// No example on purpose: Swagger UI would fill it in, and every "Try it out" would share one key.
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
      minLength: 8,
      maxLength: 100,
      description:
        'Makes retries safe: the same key with the same body returns the first answer and has its effect once (one saga, one delivery); the same key with another body is a 409 IDEMPOTENCY.KEY_REUSED. Keys of orders, of restocks and of customers are apart. A key is kept 24 hours after its answer (IDEMPOTENCY_KEY_RETENTION_HOURS); sent again later, it is a new request. A fresh UUID per request is a good key.',
    }),
  ),
});

// Sent, as `true`, only on the answer to a request whose Idempotency-Key had been answered before.
export const REPLAYED = {
  type: 'string',
  enum: ['true'],
  description: 'Present when this is the first answer to the same Idempotency-Key, replayed.',
};
