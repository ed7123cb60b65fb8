import { Type } from '@sinclair/typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../application/list-orders.js';
import { MAX_ORDER_LINES } from '../../../domain/order/order-line.js';
import { ORDER_STATUSES } from '../../../domain/order/order-status.js';
import {
  CustomerId,
  MoneySchema,
  Nullable,
  OrderId,
  ProductId,
  StringEnum,
  Timestamp,
} from './common.schema.js';
import { ref } from './ref.js';
import {
  CompensationStateSchema,
  SagaPhaseSchema,
  SagaProgressSchema,
  StepStateSchema,
} from './saga-progress.schema.js';

export const MAX_LINE_QUANTITY = 1_000;

export const OrderStatusSchema = StringEnum(ORDER_STATUSES, {
  $id: 'OrderStatus',
  description:
    'PENDING while the saga runs; CONFIRMED once paid (it then waits for the warehouse, until its shipping deadline); SHIPPED; DELIVERED; CANCELLED (declined, cancelled, or not shipped in time: FULFILMENT.DEADLINE_PASSED); COMPENSATION_FAILED when an undo needs an operator.',
});

export const PlaceOrderBody = Type.Object(
  {
    customerId: CustomerId,
    cardToken: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]+$',
        minLength: 1,
        maxLength: 200,
        description:
          "The card gateway's token for the card to charge for this order alone. With the simulator: tok_visa is approved, tok_decline is declined. Give this or `paymentMethodId`, not both.",
        examples: ['tok_visa'],
      }),
    ),
    paymentMethodId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          "A payment method the customer keeps at the gateway (`paymentMethodId` of GET /customers/{customerId}, once their registration is COMPLETED). It must be the calling customer's own and still kept: 404 PAYMENT_METHOD.NOT_FOUND otherwise. Give this or `cardToken`, not both.",
        examples: ['pm_0c1d2e3f'],
      }),
    ),
    lines: Type.Array(
      Type.Object(
        {
          productId: ProductId,
          quantity: Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY, examples: [1] }),
        },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: MAX_ORDER_LINES,
        description: 'One line per product. Prices come from the catalogue.',
      },
    ),
  },
  {
    $id: 'PlaceOrderRequest',
    additionalProperties: false,
    description:
      'What to order, for whom, paid with what: exactly one of `cardToken` and `paymentMethodId` (400 otherwise).',
    examples: [
      { customerId: 'customer-42', cardToken: 'tok_visa', lines: [{ productId: 'kb-ergo', quantity: 1 }] },
      {
        customerId: 'customer-42',
        paymentMethodId: 'pm_0c1d2e3f',
        lines: [{ productId: 'kb-ergo', quantity: 1 }],
      },
    ],
  },
);

export const OrderAcceptedSchema = Type.Object(
  {
    orderId: OrderId,
    sagaId: Type.String({
      description: "The saga's workflow id in Temporal.",
      examples: ['order-c0ffee00-0000-4000-8000-000000000001'],
    }),
    status: StringEnum(['PENDING']),
    total: ref(MoneySchema),
  },
  {
    $id: 'OrderAccepted',
    additionalProperties: false,
    description: 'The order is placed; its saga runs.',
    examples: [
      {
        orderId: 'c0ffee00-0000-4000-8000-000000000001',
        sagaId: 'order-c0ffee00-0000-4000-8000-000000000001',
        status: 'PENDING',
        total: { amount: 8999, currency: 'EUR' },
      },
    ],
  },
);

const carrier = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[\\x21-\\x7E][\\x20-\\x7E]*$',
  examples: ['DHL'],
});
const trackingNumber = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[\\x21-\\x7E][\\x20-\\x7E]*$',
  examples: ['JD014600006281234567'],
});

export const ShipmentSchema = Type.Object(
  { carrier, trackingNumber, shippedAt: Timestamp },
  { $id: 'Shipment', additionalProperties: false, description: 'How the warehouse sent the order.' },
);

export const ShipOrderBody = Type.Object(
  { carrier, trackingNumber },
  {
    $id: 'ShipOrderRequest',
    additionalProperties: false,
    description: 'The parcel the warehouse sent. The same parcel sent again is recorded once.',
    examples: [{ carrier: 'DHL', trackingNumber: 'JD014600006281234567' }],
  },
);

const orderProperties = {
  id: OrderId,
  customerId: CustomerId,
  sagaId: Type.String(),
  status: ref(OrderStatusSchema),
  lines: Type.Array(
    Type.Object(
      { productId: ProductId, quantity: Type.Integer({ minimum: 1 }), unitPrice: ref(MoneySchema) },
      { additionalProperties: false },
    ),
  ),
  total: ref(MoneySchema),
  failure: Nullable(
    Type.Object(
      { code: Type.String({ examples: ['PAYMENT.DECLINED'] }), reason: Type.String() },
      { additionalProperties: false, description: 'Why the order was cancelled.' },
    ),
  ),
  shipment: Nullable(ref(ShipmentSchema)),
  deliveredAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const OrderSchema = Type.Object(orderProperties, {
  $id: 'Order',
  additionalProperties: false,
  description: 'An order, priced when it was placed.',
});

export const OrderWithProgressSchema = Type.Object(
  {
    ...orderProperties,
    progress: Nullable(ref(SagaProgressSchema)),
  },
  {
    $id: 'OrderWithProgress',
    additionalProperties: false,
    description: "An order and its saga's progress (null when the saga cannot be asked just now).",
  },
);

export const OrderPageSchema = Type.Object(
  {
    items: Type.Array(ref(OrderSchema)),
    nextCursor: Nullable(
      Type.String({ description: 'Pass as `cursor` for the next page; null on the last.' }),
    ),
  },
  { $id: 'OrderPage', additionalProperties: false },
);

export const ListOrdersQuery = Type.Object(
  {
    status: Type.Optional(ref(OrderStatusSchema)),
    customerId: Type.Optional(CustomerId),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_PAGE_SIZE,
        default: DEFAULT_PAGE_SIZE,
        description: 'Orders per page.',
      }),
    ),
    cursor: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
        maxLength: 400,
        description:
          'The `nextCursor` of the previous page, as given (signed: any other is refused with 400).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const OrderParams = Type.Object({ orderId: OrderId }, { additionalProperties: false });

export const CancellationAcceptedSchema = Type.Object(
  { orderId: OrderId, cancellation: StringEnum(['REQUESTED']) },
  {
    $id: 'CancellationAccepted',
    additionalProperties: false,
    examples: [{ orderId: 'c0ffee00-0000-4000-8000-000000000001', cancellation: 'REQUESTED' }],
    description: 'The saga stops at its next step and undoes what it did; the order then becomes CANCELLED.',
  },
);

export const CompensationRetryAcceptedSchema = Type.Object(
  { orderId: OrderId, compensation: StringEnum(['RETRYING']) },
  {
    $id: 'CompensationRetryAccepted',
    additionalProperties: false,
    examples: [{ orderId: 'c0ffee00-0000-4000-8000-000000000001', compensation: 'RETRYING' }],
    description: 'The saga runs its pending compensations once more; follow it with GET /orders/{orderId}.',
  },
);

export const sharedOrderSchemas = [
  OrderStatusSchema,
  SagaPhaseSchema,
  StepStateSchema,
  CompensationStateSchema,
  PlaceOrderBody,
  SagaProgressSchema,
  OrderAcceptedSchema,
  ShipmentSchema,
  ShipOrderBody,
  OrderSchema,
  OrderWithProgressSchema,
  OrderPageSchema,
  CancellationAcceptedSchema,
  CompensationRetryAcceptedSchema,
];
