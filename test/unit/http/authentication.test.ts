import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithAnOrderOf(customerId: string, options: { rateLimitPerMinute?: number } = {}) {
  const world = await createHttpWorld(options);
  await world.stockProduct('kb-ergo', 10, 8999);
  const { body } = await world.placeOrder(anOrderBody({ customerId }));
  return { world, orderId: body.orderId };
}

describe('credentials', () => {
  it('refuses a customer placing an order for another customer with 403, starting nothing', async () => {
    const world = await createHttpWorld();
    await world.stockProduct('kb-ergo', 10, 8999);
    const { response } = await world.placeOrder(anOrderBody({ customerId: 'bob' }), {
      ...(await world.asCustomer('alice')),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(world.sagas.started()).toHaveLength(0);
  });

  it("answers another customer's order as not found, and does not cancel it", async () => {
    const { world, orderId } = await worldWithAnOrderOf('alice');
    const bob = await world.asCustomer('bob');
    const read = await world.app.inject({ url: `/orders/${orderId}`, headers: bob });
    const cancel = await world.app.inject({ method: 'POST', url: `/orders/${orderId}/cancel`, headers: bob });
    expect(read.statusCode).toBe(404);
    expect(cancel.statusCode).toBe(404);
    expect(read.json().detail).toBe(
      (await world.app.inject({ url: '/orders/nope', headers: bob })).json().detail.replace('nope', orderId),
    );
    expect(world.sagaControl.cancellationRequested(orderId)).toBeUndefined();
  });

  it.each([
    [
      'an expired token',
      async (world: Awaited<ReturnType<typeof createHttpWorld>>) => world.asCustomer('alice', '-1s'),
    ],
    [
      'a token signed with another secret',
      async () => ({ authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl' }),
    ],
    ['a bearer that is not a JWT', async () => ({ authorization: 'Bearer not a jwt' })],
    ['an unknown key', async () => ({ 'x-api-key': 'osk_unknown' })],
    [
      'both a token and a key',
      async (world: Awaited<ReturnType<typeof createHttpWorld>>) => ({
        ...(await world.asCustomer('alice')),
        'x-api-key': ADMIN_KEY,
      }),
    ],
  ])('answers %s with 401 and WWW-Authenticate', async (_case, headersOf) => {
    const world = await createHttpWorld();
    const response = await world.app.inject({ url: '/orders', headers: await headersOf(world) });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(response.json()).toMatchObject({ code: 'AUTH.UNAUTHORIZED' });
  });

  it('refuses a revoked key', async () => {
    const world = await createHttpWorld();
    const { key, secret } = await world.useCases.apiKeys.create('temp', ['orders:read-all']);
    expect((await world.app.inject({ url: '/orders', headers: { 'x-api-key': secret } })).statusCode).toBe(
      200,
    );
    await world.useCases.apiKeys.revoke(key.id);
    expect((await world.app.inject({ url: '/orders', headers: { 'x-api-key': secret } })).statusCode).toBe(
      401,
    );
  });

  it('keeps the admin key working under the x-admin-key header', async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      headers: { 'x-admin-key': ADMIN_KEY },
      payload: { name: 'Keyboard', unitPrice: { amount: 100, currency: 'EUR' } },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('answers 429 problem+json with Retry-After once a credential is over its limit, and not another one', async () => {
    const { world } = await worldWithAnOrderOf('alice', { rateLimitPerMinute: 3 });
    const alice = await world.asCustomer('alice');
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await world.app.inject({ url: '/orders', headers: alice }));
    const bob = await world.app.inject({ url: '/orders', headers: await world.asCustomer('bob') });
    expect(answers.at(-1)?.statusCode).toBe(429);
    expect(answers.at(-1)?.headers['retry-after']).toMatch(/^\d+$/);
    expect(answers.at(-1)?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answers.at(-1)?.json()).toMatchObject({ status: 429, code: 'RATE.LIMITED' });
    expect(bob.statusCode).toBe(200);
  });
});

describe('the admin key', () => {
  it('has every scope, so it may retry a compensation as well as write the catalogue', async () => {
    const { world, orderId } = await worldWithAnOrderOf('alice');
    const response = await world.app.inject({
      method: 'POST',
      url: `/orders/${orderId}/compensation/retry`,
      headers: { 'x-api-key': ADMIN_KEY },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'SAGA.NOT_STUCK' });
  });
});
