import { DomainError } from '../shared/domain-error.js';
import type { OrderStatus } from './order-status.js';

export class OrderNotFound extends DomainError {
  readonly code = 'ORDER.NOT_FOUND';
  readonly orderId: string;

  constructor(orderId: string) {
    super(`Order ${orderId} does not exist`);
    this.orderId = orderId;
  }
}

export class IllegalOrderTransition extends DomainError {
  readonly code = 'ORDER.ILLEGAL_TRANSITION';
  readonly from: OrderStatus;
  readonly to: OrderStatus;

  constructor(orderId: string, from: OrderStatus, to: OrderStatus) {
    super(`Order ${orderId} cannot move from ${from} to ${to}`);
    this.from = from;
    this.to = to;
  }
}

export class OrderNotCancellable extends DomainError {
  readonly code = 'ORDER.NOT_CANCELLABLE';
  readonly status: OrderStatus;

  constructor(orderId: string, status: OrderStatus) {
    super(`Order ${orderId} is ${status} and can no longer be cancelled`);
    this.status = status;
  }
}

// A step that must act on a PENDING order (reserve, authorize) found it already closed: doing the
// step now would hold stock or money for an order that will never be confirmed.
export class OrderNotPending extends DomainError {
  readonly code = 'ORDER.NOT_PENDING';
  readonly status: OrderStatus;

  constructor(orderId: string, status: OrderStatus) {
    super(`Order ${orderId} is ${status}, not PENDING`);
    this.status = status;
  }
}

// Shipment is recorded once, for a CONFIRMED order; the same shipment again is no error.
export class OrderNotShippable extends DomainError {
  readonly code = 'ORDER.NOT_SHIPPABLE';
  readonly status: OrderStatus;

  constructor(orderId: string, status: OrderStatus, why = `is ${status}`) {
    super(`Order ${orderId} ${why} and cannot be shipped`);
    this.status = status;
  }
}

export class OrderNotDeliverable extends DomainError {
  readonly code = 'ORDER.NOT_DELIVERABLE';
  readonly status: OrderStatus;

  constructor(orderId: string, status: OrderStatus) {
    super(`Order ${orderId} is ${status} and cannot be delivered`);
    this.status = status;
  }
}
