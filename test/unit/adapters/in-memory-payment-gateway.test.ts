import { describe, expect, it } from 'vitest';
import { InMemoryPaymentGateway } from '../../../src/adapters/memory/in-memory-payment-gateway.js';
import { eur } from '../../support/builders.js';

const authorize = (gateway: InMemoryPaymentGateway, key = 'k-auth', cardToken = 'tok_ok') =>
  gateway.authorize({ idempotencyKey: key, orderId: 'o-1', amount: eur(700), cardToken });

async function authorized(gateway: InMemoryPaymentGateway): Promise<string> {
  const result = await authorize(gateway);
  if (result.status !== 'AUTHORIZED') throw new Error('expected an authorization');
  return result.authorizationId;
}

describe('InMemoryPaymentGateway', () => {
  it('declines the cards it is told to', async () => {
    const gateway = new InMemoryPaymentGateway({ declinedCardTokens: ['tok_bad'] });
    expect(await authorize(gateway, 'k', 'tok_bad')).toMatchObject({ status: 'DECLINED' });
    expect(await gateway.findAuthorization('k')).toBeNull();
  });

  it('answers a repeated key with the first answer and holds money once', async () => {
    const gateway = new InMemoryPaymentGateway();
    const first = await authorize(gateway);
    expect(await authorize(gateway)).toEqual(first);
    expect(gateway.movedMoney()).toHaveLength(1);
  });

  it('refunds once however often the refund is sent', async () => {
    const gateway = new InMemoryPaymentGateway();
    const authorizationId = await authorized(gateway);
    await gateway.capture({ idempotencyKey: 'k-cap', authorizationId, amount: eur(700) });
    await gateway.refund({ idempotencyKey: 'k-ref', authorizationId, amount: eur(700) });
    await gateway.refund({ idempotencyKey: 'k-ref', authorizationId, amount: eur(700) });
    expect(gateway.movedMoney().map((move) => move.operation)).toEqual(['authorize', 'capture', 'refund']);
    expect(await gateway.findAuthorization('k-auth')).toMatchObject({ status: 'REFUNDED' });
  });

  it.each([
    ['capture a voided hold', 'void', 'capture'],
    ['void a captured hold', 'capture', 'void'],
    ['refund a hold never captured', undefined, 'refund'],
  ] as const)('refuses to %s', async (_, before, operation) => {
    const gateway = new InMemoryPaymentGateway();
    const authorizationId = await authorized(gateway);
    const call = (op: 'capture' | 'void' | 'refund') =>
      gateway[op]({ idempotencyKey: `k-${op}`, authorizationId, amount: eur(700) });
    if (before !== undefined) await call(before);
    await expect(call(operation)).rejects.toMatchObject({ code: 'PAYMENT.REJECTED' });
  });

  it('refuses to capture another amount than the one held', async () => {
    const gateway = new InMemoryPaymentGateway();
    const authorizationId = await authorized(gateway);
    await expect(
      gateway.capture({ idempotencyKey: 'k-cap', authorizationId, amount: eur(699) }),
    ).rejects.toMatchObject({ code: 'PAYMENT.REJECTED' });
  });

  it('fails before the effect when told the gateway is down', async () => {
    const gateway = new InMemoryPaymentGateway();
    gateway.faults.failNext(1, 'before');
    await expect(authorize(gateway)).rejects.toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
    expect(gateway.movedMoney()).toHaveLength(0);
  });

  it('fails after the effect when told the answer is lost, and the retry gets the first answer', async () => {
    const gateway = new InMemoryPaymentGateway();
    gateway.faults.failNext(1, 'after');
    await expect(authorize(gateway)).rejects.toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
    expect(await authorize(gateway)).toMatchObject({ status: 'AUTHORIZED' });
    expect(gateway.movedMoney()).toHaveLength(1);
  });
});
