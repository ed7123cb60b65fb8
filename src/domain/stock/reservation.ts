export const RESERVATION_STATUSES = ['HELD', 'COMMITTED', 'RELEASED', 'RETURNED'] as const;

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

// Stock of one product held for one order. A product has at most one reservation per order, which is
// what makes reserving idempotent: the second reserve for an order finds the first.
export interface Reservation {
  readonly orderId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly status: ReservationStatus;
}

// HELD ends in COMMITTED (the order was confirmed, the stock leaves) or RELEASED (back on the shelf).
// COMMITTED stock comes back (RETURNED) when a confirmed order is cancelled before it ships.
// The ends are kept rather than deleted, so that a late duplicate of a step finds them and does nothing.
const NEXT: Record<ReservationStatus, readonly ReservationStatus[]> = {
  HELD: ['COMMITTED', 'RELEASED'],
  COMMITTED: ['RETURNED'],
  RELEASED: [],
  RETURNED: [],
};

export function canMoveReservation(from: ReservationStatus, to: ReservationStatus): boolean {
  return NEXT[from].includes(to);
}
