import { describe, expect, it } from 'vitest';
import { createClient } from '../../../packages/client/src/index.js';

const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify({ status, code: status === 429 ? 'RATE.LIMITED' : 'TRANSIENT.DEPENDENCY_UNAVAILABLE' }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  );
const stock = () =>
  new Response(JSON.stringify({ productId: 'p', available: 1, reserved: 0, committed: 0 }), {
    headers: { 'content-type': 'application/json' },
  });

// A fetch that answers from a script and keeps what it was sent.
function scripted(...answers: (() => Response)[]) {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request.clone());
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    return next();
  };
  return { sent, fetch };
}

const params = { path: { productId: 'p' } };
const order = { customerId: 'c', cardToken: 'tok_visa', lines: [{ productId: 'p', quantity: 1 }] };

describe('@order-saga/client', () => {
  it('sends a read again after the Retry-After of a 503', async () => {
    const { sent, fetch } = scripted(() => problem(503, { 'retry-after': '0' }), stock);
    const client = createClient({ baseUrl: 'http://api', fetch });
    const { data } = await client.GET('/products/{productId}/stock', { params });
    expect(sent).toHaveLength(2);
    expect(data?.available).toBe(1);
  });

  it('answers a 429 whose Retry-After is longer than the caller accepts', async () => {
    const { sent, fetch } = scripted(() => problem(429, { 'retry-after': '60' }), stock);
    const client = createClient({ baseUrl: 'http://api', fetch, retry: { maxDelayMs: 1000 } });
    const { error } = await client.GET('/products/{productId}/stock', { params });
    expect(sent).toHaveLength(1);
    expect(error).toMatchObject({ status: 429, code: 'RATE.LIMITED' });
  });

  it('never sends a restock without an Idempotency-Key twice', async () => {
    const { sent, fetch } = scripted(() => problem(503, { 'retry-after': '0' }), stock);
    const client = createClient({ baseUrl: 'http://api', fetch, apiKey: 'k' });
    await client.POST('/products/{productId}/restock', { params, body: { quantity: 1 } });
    expect(sent).toHaveLength(1);
  });

  it('places with a generated Idempotency-Key, the same on its retry', async () => {
    const { sent, fetch } = scripted(
      () => problem(503, { 'retry-after': '0' }),
      () => problem(503),
    );
    const client = createClient({ baseUrl: 'http://api', fetch, customerToken: 't' });
    await client.POST('/orders', { body: order });
    const keys = sent.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys).toEqual([keys[0], keys[0]]);
  });

  it("keeps the caller's own Idempotency-Key", async () => {
    const { sent, fetch } = scripted(() => problem(503));
    const client = createClient({ baseUrl: 'http://api', fetch, customerToken: 't' });
    await client.POST('/orders', { body: order, params: { header: { 'idempotency-key': 'mine-0001' } } });
    expect(sent[0]?.headers.get('idempotency-key')).toBe('mine-0001');
  });

  it('sends the key to operations that take it, the token to customer operations, neither to public ones', async () => {
    const { sent, fetch } = scripted(stock, stock, stock);
    const client = createClient({ baseUrl: 'http://api', fetch, apiKey: 'k', customerToken: () => 't' });
    await client.GET('/products/{productId}/stock', { params });
    await client.POST('/products/{productId}/restock', { params, body: { quantity: 1 } });
    await client.POST('/orders', { body: order });
    const credentials = sent.map((request) => [
      request.headers.get('x-api-key'),
      request.headers.get('authorization'),
    ]);
    expect(credentials).toEqual([
      [null, null],
      ['k', null],
      [null, 'Bearer t'],
    ]);
  });
});
