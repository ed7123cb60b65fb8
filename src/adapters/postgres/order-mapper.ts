import { Order } from '../../domain/order/order.js';
import type { OrderLineRecord, OrderRecord } from './order.entity.js';

type OrderColumns = Omit<OrderRecord, 'lines'>;
type OrderChanges = Pick<
  OrderColumns,
  | 'status'
  | 'failureCode'
  | 'failureReason'
  | 'shipmentCarrier'
  | 'shipmentTrackingNumber'
  | 'shippedAt'
  | 'deliveredAt'
  | 'updatedAt'
  | 'version'
>;
type NewOrderLine = Omit<OrderLineRecord, 'order'>;

// The row of a new order, its lines included, at the version it is stored at.
export function toOrderRecord(order: Order, version: number): OrderColumns & { lines: NewOrderLine[] } {
  const snapshot = order.toSnapshot();
  return {
    id: snapshot.id,
    customerId: snapshot.customerId,
    sagaId: snapshot.sagaId,
    totalAmount: snapshot.total.amount,
    totalCurrency: snapshot.total.currency,
    createdAt: order.createdAt,
    lines: snapshot.lines.map((line, position) => ({
      productId: line.productId,
      position,
      quantity: line.quantity,
      unitPriceAmount: line.unitPrice.amount,
      unitPriceCurrency: line.unitPrice.currency,
    })),
    ...toOrderChanges(order, version),
  };
}

// What a saved order can differ in from the stored one. Lines, customer, saga, total and creation time
// are fixed when the order is placed: the domain has no transition that changes them.
export function toOrderChanges(order: Order, version: number): OrderChanges {
  return {
    status: order.status,
    failureCode: order.failure?.code ?? null,
    failureReason: order.failure?.reason ?? null,
    shipmentCarrier: order.shipment?.carrier ?? null,
    shipmentTrackingNumber: order.shipment?.trackingNumber ?? null,
    shippedAt: order.shipment === null ? null : new Date(order.shipment.shippedAt),
    deliveredAt: order.deliveredAt,
    updatedAt: order.updatedAt,
    version,
  };
}

// Goes through Order.fromSnapshot, so a row that breaks the domain's rules is refused, not loaded.
export function fromOrderRecord(record: OrderRecord): Order {
  return Order.fromSnapshot({
    id: record.id,
    customerId: record.customerId,
    sagaId: record.sagaId,
    lines: record.lines.getItems().map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
      unitPrice: { amount: line.unitPriceAmount, currency: line.unitPriceCurrency },
    })),
    total: { amount: record.totalAmount, currency: record.totalCurrency },
    status: record.status,
    // Half a failure is not read as none: the empty half fails the domain's validation instead.
    failure:
      record.failureCode === null && record.failureReason === null
        ? null
        : { code: record.failureCode ?? '', reason: record.failureReason ?? '' },
    shipment:
      record.shipmentCarrier === null && record.shipmentTrackingNumber === null && record.shippedAt === null
        ? null
        : {
            carrier: record.shipmentCarrier ?? '',
            trackingNumber: record.shipmentTrackingNumber ?? '',
            shippedAt: record.shippedAt?.toISOString() ?? '',
          },
    deliveredAt: record.deliveredAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  });
}
