import { Payment } from '../../domain/payment/payment.js';
import type { PaymentRecord } from './payment.entity.js';

type PaymentChanges = Pick<PaymentRecord, 'status' | 'updatedAt' | 'version'>;

export function toPaymentRecord(payment: Payment, version: number): PaymentRecord {
  const snapshot = payment.toSnapshot();
  return {
    id: snapshot.id,
    orderId: snapshot.orderId,
    amount: snapshot.amount.amount,
    currency: snapshot.amount.currency,
    authorizationId: snapshot.authorizationId,
    declineReason: snapshot.declineReason,
    paymentMethodId: snapshot.paymentMethodId,
    createdAt: payment.createdAt,
    ...toPaymentChanges(payment, version),
  };
}

// A payment only moves between statuses: its order, amount, hold and decline are fixed when it opens.
export function toPaymentChanges(payment: Payment, version: number): PaymentChanges {
  return { status: payment.status, updatedAt: payment.updatedAt, version };
}

export function fromPaymentRecord(record: PaymentRecord): Payment {
  return Payment.fromSnapshot({
    id: record.id,
    orderId: record.orderId,
    amount: { amount: record.amount, currency: record.currency },
    status: record.status,
    authorizationId: record.authorizationId ?? null,
    declineReason: record.declineReason ?? null,
    paymentMethodId: record.paymentMethodId ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  });
}
