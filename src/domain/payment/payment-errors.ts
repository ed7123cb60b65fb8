import { DomainError } from '../shared/domain-error.js';
import type { PaymentStatus } from './payment-status.js';

export class PaymentNotFound extends DomainError {
  readonly code = 'PAYMENT.NOT_FOUND';
  readonly orderId: string;

  constructor(orderId: string) {
    super(`No payment exists for order ${orderId}`);
    this.orderId = orderId;
  }
}

export class PaymentDeclined extends DomainError {
  readonly code = 'PAYMENT.DECLINED';
  readonly orderId: string;
  readonly reason: string;

  constructor(orderId: string, reason: string) {
    super(`Payment for order ${orderId} was declined: ${reason}`);
    this.orderId = orderId;
    this.reason = reason;
  }
}

// The gateway refused an operation on an existing authorization (expired, already voided...).
export class PaymentRejected extends DomainError {
  readonly code = 'PAYMENT.REJECTED';
  readonly reason: string;

  constructor(operation: string, reason: string) {
    super(`The payment gateway refused to ${operation}: ${reason}`);
    this.reason = reason;
  }
}

export class IllegalPaymentTransition extends DomainError {
  readonly code = 'PAYMENT.ILLEGAL_TRANSITION';
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;

  constructor(orderId: string, from: PaymentStatus, to: PaymentStatus) {
    super(`Payment for order ${orderId} cannot move from ${from} to ${to}`);
    this.from = from;
    this.to = to;
  }
}

// The gateway would not keep the card as a reusable payment method: a result of registration.
export class PaymentMethodDeclined extends DomainError {
  readonly code = 'PAYMENT.METHOD_DECLINED';
  readonly customerId: string;
  readonly reason: string;

  constructor(customerId: string, reason: string) {
    super(`The card of customer ${customerId} cannot be kept as a payment method: ${reason}`);
    this.customerId = customerId;
    this.reason = reason;
  }
}

// The customer has no active payment method by that id: never kept, kept for someone else, removed, or
// the customer was deleted. One answer for all, so that a caller learns nothing of other customers.
export class PaymentMethodNotFound extends DomainError {
  readonly code = 'PAYMENT_METHOD.NOT_FOUND';
  readonly paymentMethodId: string;

  constructor(paymentMethodId: string) {
    super(`You have no active payment method ${paymentMethodId}`);
    this.paymentMethodId = paymentMethodId;
  }
}
