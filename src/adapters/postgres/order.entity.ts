import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';
import { ORDER_STATUSES } from '../../domain/order/order-status.js';

// The row an order is stored as. Money is an integer of minor units beside its currency (bigint read
// back as a number: the domain keeps amounts within Number.MAX_SAFE_INTEGER). `version` is written by
// the repository's conditional update, not by MikroORM, so it is a plain column.
export const OrderRecord = defineEntity({
  name: 'OrderRecord',
  tableName: 'orders',
  properties: {
    id: p.string().length(100).primary(),
    customerId: p.string().length(100),
    sagaId: p.string().length(100),
    status: p.enum(ORDER_STATUSES),
    totalAmount: p.bigint('number'),
    totalCurrency: p.character().length(3),
    failureCode: p.string().length(100).nullable(),
    failureReason: p.string().length(1000).nullable(),
    shipmentCarrier: p.string().length(100).nullable(),
    shipmentTrackingNumber: p.string().length(100).nullable(),
    shippedAt: p.datetime(3).nullable(),
    deliveredAt: p.datetime(3).nullable(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
    version: p.integer(),
    lines: () => p.oneToMany(OrderLineRecord).mappedBy('order').orderBy({ position: 'asc' }),
  },
  // The listing's filters, each in the listing's order (newest first), so a page is an index range scan.
  indexes: [
    { name: 'orders_customer_id_created_at_id_index', properties: ['customerId', 'createdAt', 'id'] },
    { name: 'orders_status_created_at_id_index', properties: ['status', 'createdAt', 'id'] },
    { name: 'orders_created_at_id_index', properties: ['createdAt', 'id'] },
  ],
  checks: [
    { name: 'orders_total_amount_check', expression: 'total_amount >= 0' },
    // One domain value in two columns: both set or neither.
    { name: 'orders_failure_check', expression: '(failure_code is null) = (failure_reason is null)' },
    {
      name: 'orders_shipment_check',
      expression:
        '(shipment_carrier is null) = (shipment_tracking_number is null) and (shipment_carrier is null) = (shipped_at is null)',
    },
  ],
});

export type OrderRecord = InferEntity<typeof OrderRecord>;

// One line per product and order, as the domain requires; `position` keeps the lines in the order
// they were placed in. The quantity is a bigint because the domain accepts any safe integer.
export const OrderLineRecord = defineEntity({
  name: 'OrderLineRecord',
  tableName: 'order_lines',
  properties: {
    order: () => p.manyToOne(OrderRecord).primary().deleteRule('cascade'),
    productId: p.string().length(100).primary(),
    position: p.smallint(),
    quantity: p.bigint('number'),
    unitPriceAmount: p.bigint('number'),
    unitPriceCurrency: p.character().length(3),
  },
  primaryKeys: ['order', 'productId'],
  checks: [
    { name: 'order_lines_quantity_check', expression: 'quantity > 0' },
    { name: 'order_lines_unit_price_amount_check', expression: 'unit_price_amount >= 0' },
  ],
});

export type OrderLineRecord = InferEntity<typeof OrderLineRecord>;
