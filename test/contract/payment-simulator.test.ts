import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createPaymentSimulator,
  type PaymentSimulator,
} from '../../src/adapters/payment/simulator/payment-simulator.js';

// The simulator's HTTP API as a caller sees it, through app.inject: statuses, error codes, replays.
describe('payment gateway simulator API', () => {
  let app: PaymentSimulator;
  beforeEach(() => {
    app = createPaymentSimulator({ logger: false });
  });
  afterEach(() => app.close());

  const post = (url: string, key: string | undefined, payload: object) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const anAuthorization = { orderId: 'order-1', amount: 1_000, currency: 'EUR', cardToken: 'tok_visa' };
  const ledger = async () => (await app.inject({ url: '/v1/ledger' })).json().data;

  async function authorized(amount = 1_000): Promise<string> {
    const response = await post('/v1/authorizations', `auth-${amount}`, { ...anAuthorization, amount });
    expect(response.statusCode).toBe(201);
    return response.json().id;
  }

  it.each([
    ['a float amount', { amount: 10.5 }, 'body/amount'],
    ['an amount sent as a string', { amount: '1000' }, 'body/amount'],
    ['a zero amount', { amount: 0 }, 'body/amount'],
    ['a lowercase currency', { currency: 'eur' }, 'body/currency'],
    ['an unknown field', { note: 'hi' }, 'body/note'],
  ])('refuses %s with 400 naming the field, and records nothing', async (_, change, field) => {
    const response = await post('/v1/authorizations', 'k-1', { ...anAuthorization, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining(field),
    });
    expect(await ledger()).toEqual([]);
  });

  it('refuses a call that moves money without an Idempotency-Key', async () => {
    const response = await post('/v1/authorizations', undefined, anAuthorization);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('idempotency-key');
  });

  it('replays the first answer to a repeated request and says it is a replay', async () => {
    const first = await post('/v1/authorizations', 'k-1', anAuthorization);
    const again = await post('/v1/authorizations', 'k-1', { ...anAuthorization });
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await ledger()).toHaveLength(1);
  });

  it('takes the same fields in another order for the same request', async () => {
    await post('/v1/authorizations', 'k-1', anAuthorization);
    const { cardToken, currency, amount, orderId } = anAuthorization;
    expect(
      (await post('/v1/authorizations', 'k-1', { cardToken, currency, amount, orderId })).statusCode,
    ).toBe(201);
  });

  it('refuses a key reused with a different request with 422, and moves no money', async () => {
    await post('/v1/authorizations', 'k-1', anAuthorization);
    const response = await post('/v1/authorizations', 'k-1', { ...anAuthorization, amount: 1_001 });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('idempotency_key_reused');
    expect(await ledger()).toHaveLength(1);
  });

  it('declines with 402 and the decline code, and replays the decline', async () => {
    const declined = { ...anAuthorization, cardToken: 'tok_insufficient_funds' };
    const response = await post('/v1/authorizations', 'k-1', declined);
    expect(response.statusCode).toBe(402);
    expect(response.json().error).toMatchObject({ code: 'card_declined', declineCode: 'insufficient_funds' });
    expect((await post('/v1/authorizations', 'k-1', declined)).statusCode).toBe(402);
    expect(await ledger()).toEqual([]);
  });

  it.each([
    [
      'capture more than authorized',
      [],
      'capture',
      { amount: 1_001, currency: 'EUR' },
      422,
      'amount_exceeds_authorized',
    ],
    [
      'capture in another currency',
      [],
      'capture',
      { amount: 1_000, currency: 'USD' },
      422,
      'currency_mismatch',
    ],
    [
      'capture after a void',
      ['void'],
      'capture',
      { amount: 1_000, currency: 'EUR' },
      409,
      'invalid_authorization_state',
    ],
    ['void after a void', ['void'], 'void', {}, 409, 'invalid_authorization_state'],
    [
      'refund before a capture',
      [],
      'refunds',
      { amount: 1, currency: 'EUR' },
      409,
      'invalid_authorization_state',
    ],
    [
      'refund more than captured',
      ['capture'],
      'refunds',
      { amount: 1_001, currency: 'EUR' },
      422,
      'amount_exceeds_refundable',
    ],
  ] as const)('refuses to %s', async (_, before, action, payload, status, code) => {
    const id = await authorized();
    const full = { amount: 1_000, currency: 'EUR' };
    for (const step of before)
      await post(`/v1/authorizations/${id}/${step}`, `first-${step}`, step === 'void' ? {} : full);
    const moved = (await ledger()).length;
    const response = await post(`/v1/authorizations/${id}/${action}`, `then-${action}`, payload);
    expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status, code });
    expect(await ledger()).toHaveLength(moved);
  });

  it('answers 404 for an authorization it never made', async () => {
    const response = await post('/v1/authorizations/auth_nope/void', 'k-1', {});
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('authorization_not_found');
  });

  it('captures part of a hold and refunds it in parts, down to a fully REFUNDED authorization', async () => {
    const id = await authorized(1_000);
    await post(`/v1/authorizations/${id}/capture`, 'c', { amount: 800, currency: 'EUR' });
    await post(`/v1/authorizations/${id}/refunds`, 'r-1', { amount: 300, currency: 'EUR' });
    expect((await app.inject({ url: `/v1/authorizations/${id}` })).json()).toMatchObject({
      status: 'CAPTURED',
      refundedAmount: 300,
    });
    await post(`/v1/authorizations/${id}/refunds`, 'r-2', { amount: 500, currency: 'EUR' });
    expect((await app.inject({ url: `/v1/authorizations/${id}` })).json()).toMatchObject({
      status: 'REFUNDED',
    });
    const summary = (await app.inject({ url: '/v1/ledger/summary?orderId=order-1' })).json();
    expect(summary.byCurrency.EUR).toMatchObject({ captured: 800, refunded: 800, netCharged: 0 });
  });
});
