import type { CreatePendingOrderInput } from '../../src/application/create-pending-order.js';
import { Order } from '../../src/domain/order/order.js';
import type { OrderLine, OrderLineSnapshot } from '../../src/domain/order/order-line.js';
import { Money } from '../../src/domain/shared/money.js';

export const T0 = new Date('2025-01-01T00:00:00.000Z');

export function eur(amount: number): Money {
  return Money.of(amount, 'EUR');
}

export function aLine(overrides: Partial<OrderLine> = {}): OrderLine {
  return { productId: 'p-1', quantity: 2, unitPrice: eur(1250), ...overrides };
}

export function aLineSnapshot(overrides: Partial<OrderLineSnapshot> = {}): OrderLineSnapshot {
  return { productId: 'p-1', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' }, ...overrides };
}

export function aPendingOrder(overrides: Partial<Parameters<typeof Order.place>[0]> = {}): Order {
  return Order.place({
    id: 'order-1',
    customerId: 'customer-1',
    sagaId: 'saga-1',
    lines: [aLine()],
    at: T0,
    ...overrides,
  });
}

export function aCreatePendingOrderInput(
  overrides: Partial<CreatePendingOrderInput> = {},
): CreatePendingOrderInput {
  return {
    orderId: 'order-1',
    sagaId: 'order-saga-order-1',
    customerId: 'customer-1',
    lines: [aLineSnapshot()],
    ...overrides,
  };
}
