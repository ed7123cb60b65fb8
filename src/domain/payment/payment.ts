import { Money, type MoneySnapshot } from '../shared/money.js';
import { requireDate, requireId, requireText } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';
import { IllegalPaymentTransition } from './payment-errors.js';
import { canMovePayment, PAYMENT_STATUSES, type PaymentStatus } from './payment-status.js';

export interface PaymentSnapshot {
  readonly id: string;
  readonly orderId: string;
  readonly amount: MoneySnapshot;
  readonly status: PaymentStatus;
  // The gateway's id of the hold; null when the card was declined and nothing was held.
  readonly authorizationId: string | null;
  readonly declineReason: string | null;
  // The customer's saved payment method charged, or null when the order gave a card token (never kept).
  readonly paymentMethodId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

interface PaymentState extends Omit<PaymentSnapshot, 'amount' | 'createdAt' | 'updatedAt'> {
  readonly amount: Money;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

// One payment per order, for the order's whole total: captures and refunds are never partial, so the
// amount moved is always the amount authorized. Immutable; `version` as in Order.
export class Payment {
  readonly id: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly status: PaymentStatus;
  readonly authorizationId: string | null;
  readonly declineReason: string | null;
  readonly paymentMethodId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;

  private constructor(state: PaymentState) {
    this.id = requireId(state.id, 'paymentId');
    this.orderId = requireId(state.orderId, 'orderId');
    this.amount = state.amount;
    this.status = state.status;
    this.authorizationId =
      state.status === 'DECLINED' ? null : requireId(state.authorizationId, 'authorizationId');
    this.declineReason =
      state.status === 'DECLINED' ? requireText(state.declineReason, 'declineReason', 500) : null;
    this.paymentMethodId =
      state.paymentMethodId === null ? null : requireId(state.paymentMethodId, 'paymentMethodId');
    this.createdAt = state.createdAt;
    this.updatedAt = state.updatedAt;
    this.version = state.version;
  }

  static authorized(input: {
    id: string;
    orderId: string;
    amount: Money;
    authorizationId: string;
    paymentMethodId?: string | null;
    at: Date;
  }): Payment {
    return Payment.opened(input, 'AUTHORIZED', input.authorizationId, null);
  }

  static declined(input: {
    id: string;
    orderId: string;
    amount: Money;
    reason: string;
    paymentMethodId?: string | null;
    at: Date;
  }): Payment {
    return Payment.opened(input, 'DECLINED', null, input.reason);
  }

  static fromSnapshot(snapshot: PaymentSnapshot): Payment {
    if (!PAYMENT_STATUSES.includes(snapshot.status)) {
      throw new ValidationError(
        'VALIDATION.INVALID_FIELD',
        'status',
        `unknown payment status ${snapshot.status}`,
      );
    }
    if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0) {
      throw new ValidationError('VALIDATION.INVALID_FIELD', 'version', 'version must be a whole number');
    }
    return new Payment({
      ...snapshot,
      paymentMethodId: snapshot.paymentMethodId ?? null,
      amount: Money.fromSnapshot(snapshot.amount),
      createdAt: requireDate(snapshot.createdAt, 'createdAt'),
      updatedAt: requireDate(snapshot.updatedAt, 'updatedAt'),
    });
  }

  capture(at: Date): Payment {
    return this.moveTo('CAPTURED', at);
  }

  void(at: Date): Payment {
    return this.moveTo('VOIDED', at);
  }

  refund(at: Date): Payment {
    return this.moveTo('REFUNDED', at);
  }

  // The gateway's hold, which every status but DECLINED has.
  requireAuthorizationId(): string {
    if (this.authorizationId === null) {
      throw new IllegalPaymentTransition(this.orderId, this.status, 'CAPTURED');
    }
    return this.authorizationId;
  }

  toSnapshot(): PaymentSnapshot {
    return {
      id: this.id,
      orderId: this.orderId,
      amount: this.amount.toSnapshot(),
      status: this.status,
      authorizationId: this.authorizationId,
      declineReason: this.declineReason,
      paymentMethodId: this.paymentMethodId,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      version: this.version,
    };
  }

  private static opened(
    input: { id: string; orderId: string; amount: Money; paymentMethodId?: string | null; at: Date },
    status: PaymentStatus,
    authorizationId: string | null,
    declineReason: string | null,
  ): Payment {
    const { id, orderId, amount, at } = input;
    return new Payment({
      id,
      orderId,
      amount,
      paymentMethodId: input.paymentMethodId ?? null,
      status,
      authorizationId,
      declineReason,
      createdAt: at,
      updatedAt: at,
      version: 0,
    });
  }

  private moveTo(status: PaymentStatus, at: Date): Payment {
    if (!canMovePayment(this.status, status)) {
      throw new IllegalPaymentTransition(this.orderId, this.status, status);
    }
    return new Payment({ ...this, status, updatedAt: at });
  }
}
