import { describe, expect, it } from 'vitest';
import { Order } from '../../../src/domain/order/order.js';
import { ORDER_STATUSES, type OrderStatus } from '../../../src/domain/order/order-status.js';
import { aLine, aPendingOrder, eur, T0 } from '../../support/builders.js';

const LATER = new Date('2025-01-01T00:05:00.000Z');
const FAILURE = { code: 'STOCK.INSUFFICIENT', reason: 'p-1: 2 requested, 0 available' };
const PARCEL = { carrier: 'DHL', trackingNumber: 'JD0146' };

function orderIn(status: OrderStatus): Order {
  const pending = aPendingOrder();
  if (status === 'PENDING') return pending;
  if (status === 'CONFIRMED') return pending.confirm(T0);
  if (status === 'SHIPPED') return pending.confirm(T0).ship(PARCEL, T0);
  if (status === 'DELIVERED') return pending.confirm(T0).ship(PARCEL, T0).deliver(T0);
  if (status === 'CANCELLED') return pending.cancel(FAILURE, T0);
  return pending.markCompensationFailed(FAILURE, T0);
}

const moves = {
  CONFIRMED: (order: Order) => order.confirm(LATER),
  // Another parcel than the one orderIn('SHIPPED') shipped: the same one again is a retry.
  SHIPPED: (order: Order) => order.ship({ carrier: 'UPS', trackingNumber: '1Z' }, LATER),
  DELIVERED: (order: Order) => order.deliver(LATER),
  CANCELLED: (order: Order) => order.cancel(FAILURE, LATER),
  COMPENSATION_FAILED: (order: Order) => order.markCompensationFailed(FAILURE, LATER),
} satisfies Partial<Record<OrderStatus, (order: Order) => Order>>;

const LEGAL: readonly [OrderStatus, keyof typeof moves][] = [
  ['PENDING', 'CONFIRMED'],
  ['PENDING', 'CANCELLED'],
  ['PENDING', 'COMPENSATION_FAILED'],
  ['COMPENSATION_FAILED', 'CANCELLED'],
  ['CONFIRMED', 'SHIPPED'],
  ['CONFIRMED', 'CANCELLED'],
  ['CONFIRMED', 'COMPENSATION_FAILED'],
  ['SHIPPED', 'DELIVERED'],
];
// Delivered again is delivered once: the order as it was (below).
const RETRIES: readonly [OrderStatus, keyof typeof moves][] = [['DELIVERED', 'DELIVERED']];

const ILLEGAL = ORDER_STATUSES.flatMap((from) =>
  (Object.keys(moves) as (keyof typeof moves)[])
    .filter((to) => ![...LEGAL, ...RETRIES].some(([f, t]) => f === from && t === to))
    .map((to) => [from, to] as const),
);

describe('Order', () => {
  it('is placed PENDING, at version 0, with its total computed from its lines', () => {
    const order = aPendingOrder({
      lines: [
        aLine({ quantity: 3, unitPrice: eur(1250) }),
        aLine({ productId: 'p-2', quantity: 1, unitPrice: eur(99) }),
      ],
    });
    expect(order.status).toBe('PENDING');
    expect(order.version).toBe(0);
    expect(order.total.toSnapshot()).toEqual({ amount: 3849, currency: 'EUR' });
  });

  it.each(LEGAL)('moves from %s to %s', (from, to) => {
    const moved = moves[to](orderIn(from));
    expect(moved.status).toBe(to);
    expect(moved.updatedAt).toEqual(LATER);
  });

  it('has a test for every move out of every status', () => {
    expect(LEGAL.length + RETRIES.length + ILLEGAL.length).toBe(
      ORDER_STATUSES.length * Object.keys(moves).length,
    );
  });

  it.each(ILLEGAL)('refuses to move from %s to %s and stays as it was', (from, to) => {
    const order = orderIn(from);
    const before = order.toSnapshot();
    const expected =
      {
        CANCELLED: 'ORDER.NOT_CANCELLABLE',
        SHIPPED: 'ORDER.NOT_SHIPPABLE',
        DELIVERED: 'ORDER.NOT_DELIVERABLE',
      }[to as string] ?? 'ORDER.ILLEGAL_TRANSITION';
    expect(() => moves[to](order)).toThrow(expect.objectContaining({ code: expected }));
    expect(order.toSnapshot()).toEqual(before);
  });

  it('ships the same parcel once and delivers once: a retry leaves the order as it was', () => {
    const shipped = orderIn('SHIPPED');
    expect(shipped.ship(PARCEL, LATER)).toBe(shipped);
    expect(shipped.shipment).toEqual({ ...PARCEL, shippedAt: T0.toISOString() });
    const delivered = orderIn('DELIVERED');
    expect(delivered.deliver(LATER)).toBe(delivered);
    expect(delivered.deliveredAt).toEqual(T0);
  });

  it('round-trips a delivered order, its shipment included, through a JSON snapshot', () => {
    const order = orderIn('DELIVERED');
    const restored = Order.fromSnapshot(JSON.parse(JSON.stringify(order.toSnapshot())));
    expect(restored.toSnapshot()).toEqual(order.toSnapshot());
  });

  it('records why it was cancelled, and clears nothing on confirmation', () => {
    expect(aPendingOrder().cancel(FAILURE, LATER).failure).toEqual(FAILURE);
    expect(aPendingOrder().confirm(LATER).failure).toBeNull();
  });

  it('refuses a cancellation without a reason', () => {
    expect(() => aPendingOrder().cancel({ code: 'X', reason: ' ' }, LATER)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_FIELD' }),
    );
  });

  it('round-trips through a JSON snapshot', () => {
    const order = aPendingOrder().cancel(FAILURE, LATER);
    const restored = Order.fromSnapshot(JSON.parse(JSON.stringify(order.toSnapshot())));
    expect(restored.toSnapshot()).toEqual(order.toSnapshot());
  });

  it('refuses a stored snapshot whose total disagrees with its lines', () => {
    const snapshot = { ...aPendingOrder().toSnapshot(), total: { amount: 1, currency: 'EUR' } };
    expect(() => Order.fromSnapshot(snapshot)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_MONEY' }),
    );
  });

  it('refuses a stored snapshot with an unknown status', () => {
    const snapshot = { ...aPendingOrder().toSnapshot(), status: 'LOST' as OrderStatus };
    expect(() => Order.fromSnapshot(snapshot)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_FIELD' }),
    );
  });
});
