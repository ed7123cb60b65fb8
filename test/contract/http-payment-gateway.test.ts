import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPaymentGateway } from '../../src/adapters/payment/http-payment-gateway.js';
import { DependencyUnavailable } from '../../src/application/transient-fault.js';
import { paymentIdempotencyKey } from '../../src/domain/payment/idempotency-key.js';
import { PaymentRejected } from '../../src/domain/payment/payment-errors.js';
import { Money } from '../../src/domain/shared/money.js';
import { anOrderId, type RunningSimulator, startPaymentSimulator } from './payment-simulator-server.js';

const eur = (amount: number) => Money.of(amount, 'EUR');
const authorizeKey = (orderId: string) => paymentIdempotencyKey(orderId, 'authorize');

async function failureOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => error,
  );
}

describe('HttpPaymentGateway over the gateway simulator', () => {
  let simulator: RunningSimulator;
  let gateway: HttpPaymentGateway;
  beforeAll(async () => {
    simulator = await startPaymentSimulator();
    gateway = simulator.gateway();
  });
  afterAll(() => simulator.close());

  const authorize = (orderId: string, cardToken: string, amount = eur(2_500), client = gateway) =>
    client.authorize({ idempotencyKey: authorizeKey(orderId), orderId, amount, cardToken });
  // tok_timeout hangs until the simulator closes; waiting less for it keeps the run short.
  const impatiently = (orderId: string) =>
    authorize(orderId, 'tok_timeout', eur(2_500), simulator.gateway({ timeoutMs: 200 }));

  it('charges once when authorize and capture are each sent twice with the same keys', async () => {
    const orderId = anOrderId();
    const first = await authorize(orderId, 'tok_visa');
    expect(await authorize(orderId, 'tok_visa')).toEqual(first);
    if (first.status !== 'AUTHORIZED') throw new Error('expected an authorization');
    const capture = {
      idempotencyKey: paymentIdempotencyKey(orderId, 'capture'),
      authorizationId: first.authorizationId,
    };
    await gateway.capture({ ...capture, amount: eur(2_500) });
    await gateway.capture({ ...capture, amount: eur(2_500) });
    expect((await simulator.ledger({ orderId })).map((entry) => entry.type)).toEqual([
      'authorization',
      'capture',
    ]);
    expect((await simulator.summary({ orderId })).byCurrency.EUR?.netCharged).toBe(2_500);
  });

  it.each([
    ['tok_decline', 'card_declined'],
    ['tok_insufficient_funds', 'insufficient_funds'],
    ['tok_unknown_to_the_gateway', 'unknown_card_token'],
  ])('reports %s as a DECLINED result with reason %s, not as an error', async (cardToken, reason) => {
    expect(await authorize(anOrderId(), cardToken)).toEqual({ status: 'DECLINED', reason });
  });

  it('waits for a slow gateway that answers within the timeout', async () => {
    expect(await authorize(anOrderId(), 'tok_slow')).toMatchObject({ status: 'AUTHORIZED' });
  });

  it('surfaces a gateway that does not answer in time as a TransientFault', async () => {
    const fault = await failureOf(impatiently(anOrderId()));
    expect(fault).toBeInstanceOf(DependencyUnavailable);
    expect(fault).toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
  });

  it('finds the hold made by an authorize call whose answer never came', async () => {
    const orderId = anOrderId();
    await failureOf(impatiently(orderId));
    expect(await gateway.findAuthorization(authorizeKey(orderId))).toMatchObject({
      status: 'AUTHORIZED',
      amount: eur(2_500),
    });
  });

  it('surfaces a 500 as a TransientFault and moves no money', async () => {
    const orderId = anOrderId();
    expect(await failureOf(authorize(orderId, 'tok_error_500'))).toBeInstanceOf(DependencyUnavailable);
    expect(await simulator.ledger({ orderId })).toEqual([]);
  });

  it('gets through on the third attempt with tok_fail_2_then_approve, holding the money once', async () => {
    const orderId = anOrderId();
    expect(await failureOf(authorize(orderId, 'tok_fail_2_then_approve'))).toBeInstanceOf(
      DependencyUnavailable,
    );
    expect(await failureOf(authorize(orderId, 'tok_fail_2_then_approve'))).toBeInstanceOf(
      DependencyUnavailable,
    );
    expect(await authorize(orderId, 'tok_fail_2_then_approve')).toMatchObject({ status: 'AUTHORIZED' });
    expect(await authorize(orderId, 'tok_fail_2_then_approve')).toMatchObject({ status: 'AUTHORIZED' });
    expect((await simulator.ledger({ orderId })).map((entry) => entry.type)).toEqual(['authorization']);
  });

  it('counts the failures of tok_fail_N_then_approve per idempotency key', async () => {
    const first = anOrderId();
    await failureOf(authorize(first, 'tok_fail_1_then_approve'));
    expect(await authorize(first, 'tok_fail_1_then_approve')).toMatchObject({ status: 'AUTHORIZED' });
    expect(await failureOf(authorize(anOrderId(), 'tok_fail_1_then_approve'))).toBeInstanceOf(
      DependencyUnavailable,
    );
  });

  it('refuses a key reused for a different authorization with PAYMENT.REJECTED, holding nothing more', async () => {
    const orderId = anOrderId();
    await authorize(orderId, 'tok_visa');
    const refusal = await failureOf(authorize(orderId, 'tok_visa', eur(2_501)));
    expect(refusal).toBeInstanceOf(PaymentRejected);
    expect(refusal).toMatchObject({
      code: 'PAYMENT.REJECTED',
      reason: expect.stringContaining('idempotency_key_reused'),
    });
    expect(await simulator.ledger({ orderId })).toHaveLength(1);
  });

  it('surfaces a refused connection as a TransientFault', async () => {
    const unreachable = new HttpPaymentGateway({ baseUrl: `http://127.0.0.1:${await aClosedPort()}` });
    expect(await failureOf(unreachable.findAuthorization('any-key'))).toBeInstanceOf(DependencyUnavailable);
  });
});

describe('the simulator ledger', () => {
  it('nets captures against refunds, per currency', async () => {
    const simulator = await startPaymentSimulator();
    const gateway = simulator.gateway();
    const charge = async (amount: Money, refunds: readonly number[]) => {
      const orderId = anOrderId();
      const result = await gateway.authorize({
        idempotencyKey: authorizeKey(orderId),
        orderId,
        amount,
        cardToken: 'tok_visa',
      });
      if (result.status !== 'AUTHORIZED') throw new Error('expected an authorization');
      const { authorizationId } = result;
      await gateway.capture({ idempotencyKey: `${orderId}-capture`, authorizationId, amount });
      for (const [i, refund] of refunds.entries()) {
        const idempotencyKey = `${orderId}-refund-${i}`;
        await gateway.refund({ idempotencyKey, authorizationId, amount: Money.of(refund, amount.currency) });
      }
    };
    try {
      await charge(eur(5_000), [2_000]);
      await charge(eur(3_000), [1_000, 2_000]);
      await charge(Money.of(999, 'USD'), []);
      expect((await simulator.summary()).byCurrency).toEqual({
        EUR: { authorized: 8_000, captured: 8_000, voided: 0, refunded: 5_000, netCharged: 3_000 },
        USD: { authorized: 999, captured: 999, voided: 0, refunded: 0, netCharged: 999 },
      });
    } finally {
      await simulator.close();
    }
  });
});

// A port that was free a moment ago: nothing listens there, so a connection is refused at once.
async function aClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return address.port;
}
