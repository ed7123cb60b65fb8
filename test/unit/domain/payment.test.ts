import { describe, expect, it } from 'vitest';
import { Payment } from '../../../src/domain/payment/payment.js';
import { PAYMENT_STATUSES, type PaymentStatus } from '../../../src/domain/payment/payment-status.js';
import { eur, T0 } from '../../support/builders.js';

const authorized = () =>
  Payment.authorized({ id: 'pay-1', orderId: 'o-1', amount: eur(2500), authorizationId: 'auth-1', at: T0 });

function paymentIn(status: PaymentStatus): Payment {
  if (status === 'DECLINED') {
    return Payment.declined({ id: 'pay-1', orderId: 'o-1', amount: eur(2500), reason: 'no funds', at: T0 });
  }
  if (status === 'AUTHORIZED') return authorized();
  if (status === 'VOIDED') return authorized().void(T0);
  if (status === 'CAPTURED') return authorized().capture(T0);
  return authorized().capture(T0).refund(T0);
}

const moves = {
  CAPTURED: (payment: Payment) => payment.capture(T0),
  VOIDED: (payment: Payment) => payment.void(T0),
  REFUNDED: (payment: Payment) => payment.refund(T0),
};
type Move = keyof typeof moves;

const LEGAL: readonly [PaymentStatus, Move][] = [
  ['AUTHORIZED', 'CAPTURED'],
  ['AUTHORIZED', 'VOIDED'],
  ['CAPTURED', 'REFUNDED'],
];
const ILLEGAL = PAYMENT_STATUSES.flatMap((from) =>
  (Object.keys(moves) as Move[])
    .filter((to) => !LEGAL.some(([f, t]) => f === from && t === to))
    .map((to) => [from, to] as const),
);

describe('Payment', () => {
  it.each(LEGAL)('moves from %s to %s, keeping the amount', (from, to) => {
    const moved = moves[to](paymentIn(from));
    expect(moved.status).toBe(to);
    expect(moved.amount.equals(eur(2500))).toBe(true);
  });

  it.each(ILLEGAL)('refuses to move from %s to %s', (from, to) => {
    expect(() => moves[to](paymentIn(from))).toThrow(
      expect.objectContaining({ code: 'PAYMENT.ILLEGAL_TRANSITION' }),
    );
  });

  it('has a test for every move out of every status', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(PAYMENT_STATUSES.length * Object.keys(moves).length);
  });

  it('keeps the reason of a decline and has no authorization', () => {
    const declined = paymentIn('DECLINED');
    expect(declined.declineReason).toBe('no funds');
    expect(declined.authorizationId).toBeNull();
  });

  it('round-trips through a JSON snapshot', () => {
    const payment = paymentIn('REFUNDED');
    expect(Payment.fromSnapshot(JSON.parse(JSON.stringify(payment.toSnapshot()))).toSnapshot()).toEqual(
      payment.toSnapshot(),
    );
  });
});
