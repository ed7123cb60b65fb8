import { describe, expect, it } from 'vitest';
import { InMemoryPaymentRepository } from '../../../src/adapters/memory/in-memory-payment-repository.js';
import { Payment } from '../../../src/domain/payment/payment.js';
import { eur, T0 } from '../../support/builders.js';

const aPayment = (id = 'pay-1') =>
  Payment.authorized({ id, orderId: 'o-1', amount: eur(500), authorizationId: 'auth-1', at: T0 });

describe('InMemoryPaymentRepository', () => {
  it('finds the payment of an order, at the version stored', async () => {
    const payments = new InMemoryPaymentRepository();
    await payments.save(aPayment());
    expect((await payments.findByOrderId('o-1'))?.version).toBe(1);
    expect(await payments.findByOrderId('o-2')).toBeNull();
  });

  it('refuses a second payment for the same order', async () => {
    const payments = new InMemoryPaymentRepository();
    await payments.save(aPayment('pay-1'));
    await expect(payments.save(aPayment('pay-2'))).rejects.toMatchObject({
      code: 'TRANSIENT.CONCURRENT_MODIFICATION',
    });
  });

  it('refuses a write made from a stale read', async () => {
    const payments = new InMemoryPaymentRepository();
    const saved = await payments.save(aPayment());
    await payments.save(saved.capture(T0));
    await expect(payments.save(saved.void(T0))).rejects.toMatchObject({
      code: 'TRANSIENT.CONCURRENT_MODIFICATION',
    });
    expect((await payments.findByOrderId('o-1'))?.status).toBe('CAPTURED');
  });
});
