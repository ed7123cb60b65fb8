import { DomainError } from '../shared/domain-error.js';
import type { ReservationStatus } from './reservation.js';

export class InsufficientStock extends DomainError {
  readonly code = 'STOCK.INSUFFICIENT';
  readonly productId: string;
  readonly requested: number;
  readonly available: number;

  constructor(productId: string, requested: number, available: number) {
    super(`Product ${productId}: ${requested} requested, ${available} available`);
    this.productId = productId;
    this.requested = requested;
    this.available = available;
  }
}

export class ReservationNotFound extends DomainError {
  readonly code = 'RESERVATION.NOT_FOUND';
  readonly orderId: string;

  constructor(orderId: string, productId?: string) {
    super(`No stock is reserved for order ${orderId}${productId === undefined ? '' : ` on ${productId}`}`);
    this.orderId = orderId;
  }
}

export class IllegalReservationTransition extends DomainError {
  readonly code = 'RESERVATION.ILLEGAL_TRANSITION';
  readonly from: ReservationStatus;
  readonly to: ReservationStatus;

  constructor(orderId: string, productId: string, from: ReservationStatus, to: ReservationStatus) {
    super(`Reservation of ${productId} for order ${orderId} cannot move from ${from} to ${to}`);
    this.from = from;
    this.to = to;
  }
}
