export const ORDER_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
  'COMPENSATION_FAILED',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

// The only moves an order may make. Anything else is refused, never written over.
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['CONFIRMED', 'CANCELLED', 'COMPENSATION_FAILED'],
  // An operator who finished a stuck compensation by hand closes the order as cancelled.
  COMPENSATION_FAILED: ['CANCELLED'],
  // Paid and its stock committed, it waits for the warehouse; until it ships it may still be cancelled
  // (on request or at its shipping deadline), and its refund may fail.
  CONFIRMED: ['SHIPPED', 'CANCELLED', 'COMPENSATION_FAILED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}
