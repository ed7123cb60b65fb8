import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentRepository } from '../../src/application/ports/payment-repository.js';
import { ConcurrencyConflict } from '../../src/application/transient-fault.js';
import { Payment } from '../../src/domain/payment/payment.js';
import { Money } from '../../src/domain/shared/money.js';
import { uniqueName } from '../support/settings.js';

export interface PaymentRepositoryUnderTest {
  readonly payments: PaymentRepository;
  stop(): Promise<void>;
}

const OPENED_AT = new Date('2025-03-04T05:06:07.891Z');
const LATER = new Date('2025-03-04T05:07:08.912Z');

export function anAuthorizedPayment(orderId = uniqueName('order'), id = uniqueName('payment')): Payment {
  return Payment.authorized({
    id,
    orderId,
    amount: Money.of(90_071_992_547, 'EUR'),
    authorizationId: `auth-${id}`,
    at: OPENED_AT,
  });
}

async function errorOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => undefined,
    (error: unknown) => error,
  );
}

// What every PaymentRepository must do, whatever it stores payments in. Run against each adapter.
export function paymentRepositoryContract(
  name: string,
  start: () => Promise<PaymentRepositoryUnderTest>,
): void {
  describe(`${name} (PaymentRepository contract)`, () => {
    let subject: PaymentRepositoryUnderTest | undefined;
    let payments: PaymentRepository;
    beforeAll(async () => {
      subject = await start();
      payments = subject.payments;
    });
    afterAll(() => subject?.stop());

    it('finds no payment for an order that has none', async () => {
      expect(await payments.findByOrderId(uniqueName('order'))).toBeNull();
    });

    it('stores an authorized payment at version 1 and reads back every field', async () => {
      const payment = anAuthorizedPayment();
      const saved = await payments.save(payment);
      expect(saved.toSnapshot()).toEqual({ ...payment.toSnapshot(), version: 1 });
      expect((await payments.findByOrderId(payment.orderId))?.toSnapshot()).toEqual(saved.toSnapshot());
    });

    it('stores a declined payment with its reason and no hold', async () => {
      const declined = Payment.declined({
        id: uniqueName('payment'),
        orderId: uniqueName('order'),
        amount: Money.of(1_250, 'USD'),
        reason: 'insufficient funds',
        at: OPENED_AT,
      });
      await payments.save(declined);
      expect((await payments.findByOrderId(declined.orderId))?.toSnapshot()).toEqual({
        ...declined.toSnapshot(),
        authorizationId: null,
        declineReason: 'insufficient funds',
        version: 1,
      });
    });

    it('bumps the version by one on every write and reads back the last status and time', async () => {
      const authorized = await payments.save(anAuthorizedPayment());
      const captured = await payments.save(authorized.capture(LATER));
      const refunded = await payments.save(captured.refund(LATER));
      expect([authorized.version, captured.version, refunded.version]).toEqual([1, 2, 3]);
      expect((await payments.findByOrderId(authorized.orderId))?.toSnapshot()).toEqual({
        ...authorized.toSnapshot(),
        status: 'REFUNDED',
        updatedAt: LATER.toISOString(),
        version: 3,
      });
    });

    it('refuses a second new payment for the same order and keeps the first', async () => {
      const first = await payments.save(anAuthorizedPayment());
      const error = await errorOf(payments.save(anAuthorizedPayment(first.orderId)));
      expect(error).toBeInstanceOf(ConcurrencyConflict);
      expect(error).toMatchObject({ code: 'TRANSIENT.CONCURRENT_MODIFICATION' });
      expect((await payments.findByOrderId(first.orderId))?.toSnapshot()).toEqual(first.toSnapshot());
    });

    it('refuses the same new payment saved twice', async () => {
      const payment = anAuthorizedPayment();
      await payments.save(payment);
      expect(await errorOf(payments.save(payment))).toBeInstanceOf(ConcurrencyConflict);
    });

    it('refuses a write made from a stale read and keeps the write that was first', async () => {
      const saved = await payments.save(anAuthorizedPayment());
      const captured = await payments.save(saved.capture(LATER));
      expect(await errorOf(payments.save(saved.void(LATER)))).toBeInstanceOf(ConcurrencyConflict);
      expect((await payments.findByOrderId(saved.orderId))?.toSnapshot()).toEqual(captured.toSnapshot());
    });
  });
}
