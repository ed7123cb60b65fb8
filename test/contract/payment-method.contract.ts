import { expect, it } from 'vitest';
import type { PaymentGateway } from '../../src/application/ports/payment-gateway.js';
import { Money } from '../../src/domain/shared/money.js';
import { anOrderId } from './payment-simulator-server.js';

export const NOT_REUSABLE_CARD = 'tok_not_reusable';

// What every PaymentGateway must do with reusable payment methods; called inside the gateway contract.
export function paymentMethodContract(gatewayUnderTest: () => PaymentGateway): void {
  const aCustomerId = () => anOrderId().replace('order', 'customer');
  const register = (customerId: string, cardToken = 'tok_visa') =>
    gatewayUnderTest().registerPaymentMethod({
      idempotencyKey: `${customerId}:register-payment-method`,
      customerId,
      cardToken,
    });

  it('keeps a card as a payment method of the customer, once however often it is sent', async () => {
    const customerId = aCustomerId();
    const first = await register(customerId);
    expect(first).toEqual({ status: 'REGISTERED', paymentMethodId: expect.stringMatching(/\S/) });
    expect(await register(customerId)).toEqual(first);
    const kept = first.status === 'REGISTERED' ? [first.paymentMethodId] : [];
    expect(await gatewayUnderTest().paymentMethodsOf(customerId)).toEqual(kept);
  });

  it.each([['tok_decline'], [NOT_REUSABLE_CARD]])(
    'declines to keep %s as a result with a reason, and keeps nothing',
    async (cardToken) => {
      const customerId = aCustomerId();
      expect(await register(customerId, cardToken)).toEqual({
        status: 'DECLINED',
        reason: expect.stringMatching(/\S/),
      });
      expect(await gatewayUnderTest().paymentMethodsOf(customerId)).toEqual([]);
    },
  );

  it('forgets every payment method of the customer, and a repeat or a customer with none is no error', async () => {
    const customerId = aCustomerId();
    await register(customerId);
    await gatewayUnderTest().removePaymentMethods(customerId);
    await gatewayUnderTest().removePaymentMethods(customerId);
    await gatewayUnderTest().removePaymentMethods(aCustomerId());
    expect(await gatewayUnderTest().paymentMethodsOf(customerId)).toEqual([]);
  });

  const chargeMethod = (orderId: string, customerId: string, paymentMethodId: string) =>
    gatewayUnderTest().authorize({
      idempotencyKey: `${orderId}:authorize`,
      orderId,
      amount: Money.of(1_500, 'EUR'),
      customerId,
      paymentMethodId,
    });
  const keptMethod = async (customerId: string) => {
    const kept = await register(customerId);
    if (kept.status !== 'REGISTERED') throw new Error(`expected a kept card, got ${kept.reason}`);
    return kept.paymentMethodId;
  };

  it('authorizes an order on a payment method kept for its customer, once however often it is sent', async () => {
    const customerId = aCustomerId();
    const paymentMethodId = await keptMethod(customerId);
    const orderId = anOrderId();
    const first = await chargeMethod(orderId, customerId, paymentMethodId);
    expect(first).toEqual({ status: 'AUTHORIZED', authorizationId: expect.stringMatching(/\S/) });
    expect(await chargeMethod(orderId, customerId, paymentMethodId)).toEqual(first);
  });

  it('declines a payment method kept for another customer, or no longer kept, as a result with a reason', async () => {
    const owner = aCustomerId();
    const paymentMethodId = await keptMethod(owner);
    const declined = { status: 'DECLINED', reason: expect.stringMatching(/\S/) };
    expect(await chargeMethod(anOrderId(), aCustomerId(), paymentMethodId)).toEqual(declined);
    await gatewayUnderTest().removePaymentMethods(owner);
    expect(await chargeMethod(anOrderId(), owner, paymentMethodId)).toEqual(declined);
  });
}
