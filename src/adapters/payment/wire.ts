import { type Static, Type } from '@sinclair/typebox';

// The gateway's HTTP API, shared by the client and the simulator so that the two cannot drift apart.
// Amounts are integers of the currency's minor unit on the wire too: a float is refused, not rounded.

const Id = Type.String({ minLength: 1, maxLength: 100 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const PositiveAmount = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Total = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 1, maxLength: 255 }),
});

// Charges a card token, or a payment method kept for the customer named (exactly one of the two).
export const AuthorizeBody = Type.Object(
  {
    orderId: Id,
    amount: PositiveAmount,
    currency: Currency,
    cardToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    customerId: Type.Optional(Id),
    paymentMethodId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type AuthorizeBody = Static<typeof AuthorizeBody>;

export const AmountBody = Type.Object(
  { amount: PositiveAmount, currency: Currency },
  { additionalProperties: false },
);
export type AmountBody = Static<typeof AmountBody>;

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const AuthorizationParams = Type.Object({ authorizationId: Id });

export const AuthorizationStatus = Type.Union([
  Type.Literal('AUTHORIZED'),
  Type.Literal('CAPTURED'),
  Type.Literal('VOIDED'),
  Type.Literal('REFUNDED'),
]);
export type AuthorizationStatus = Static<typeof AuthorizationStatus>;

export const Authorization = Type.Object({
  id: Id,
  orderId: Id,
  status: AuthorizationStatus,
  amount: PositiveAmount,
  currency: Currency,
  capturedAmount: Total,
  refundedAmount: Total,
  // Present when the hold is on a saved payment method rather than a card token.
  paymentMethodId: Type.Optional(Id),
  createdAt: Type.String(),
});
export type Authorization = Static<typeof Authorization>;

export const AuthorizationList = Type.Object({ data: Type.Array(Authorization) });
export type AuthorizationList = Static<typeof AuthorizationList>;

export const AuthorizationQuery = Type.Object({
  idempotencyKey: Type.String({ minLength: 1, maxLength: 255 }),
});

export const Refund = Type.Object({
  id: Id,
  authorizationId: Id,
  amount: PositiveAmount,
  currency: Currency,
  createdAt: Type.String(),
});
export type Refund = Static<typeof Refund>;

export const GatewayError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    declineCode: Type.Optional(Type.String()),
  }),
});
export type GatewayError = Static<typeof GatewayError>;

export const CustomerParams = Type.Object({ customerId: Id });

export const RegisterPaymentMethodBody = Type.Object(
  { cardToken: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export const PaymentMethod = Type.Object({ id: Id, customerId: Id, createdAt: Type.String() });
export type PaymentMethod = Static<typeof PaymentMethod>;

export const PaymentMethodList = Type.Object({ data: Type.Array(PaymentMethod) });
export type PaymentMethodList = Static<typeof PaymentMethodList>;
