import { describe, expect, it } from 'vitest';
import { anOrderBody, createHttpWorld } from './http-world.js';

// Five orders of two customers, one minute apart, the third cancelled.
async function worldWithOrders() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 100, 8999);
  const ids: string[] = [];
  for (const customerId of ['alice', 'bob', 'alice', 'bob', 'alice']) {
    const { body } = await world.placeOrder(anOrderBody({ customerId }));
    await world.storeOrder(body.orderId);
    ids.push(body.orderId);
    world.clock.advance(60_000);
  }
  await world.useCases.cancelOrder.execute({ orderId: ids[2] ?? '', code: 'X.Y', reason: 'test' });
  return { world, ids };
}

const idsOf = (body: { items: { id: string }[] }) => body.items.map((order) => order.id);

describe('GET /orders', () => {
  it('lists orders newest first, 20 by default', async () => {
    const { world, ids } = await worldWithOrders();
    const response = await world.app.inject({
      url: '/orders',
      headers: await world.withKey('orders:read-all'),
    });
    expect(response.statusCode).toBe(200);
    expect(idsOf(response.json())).toEqual([...ids].reverse());
    expect(response.json().nextCursor).toBeNull();
  });

  it('filters by customer and by status', async () => {
    const { world, ids } = await worldWithOrders();
    const alice = await world.app.inject({
      url: '/orders?customerId=alice',
      headers: await world.withKey('orders:read-all'),
    });
    const alicePending = await world.app.inject({
      url: '/orders?customerId=alice&status=PENDING',
      headers: await world.withKey('orders:read-all'),
    });
    const cancelled = await world.app.inject({
      url: '/orders?status=CANCELLED',
      headers: await world.withKey('orders:read-all'),
    });
    expect(idsOf(alice.json())).toEqual([ids[4], ids[2], ids[0]]);
    expect(idsOf(alicePending.json())).toEqual([ids[4], ids[0]]);
    expect(idsOf(cancelled.json())).toEqual([ids[2]]);
  });

  it('pages with the cursor, each order once', async () => {
    const { world, ids } = await worldWithOrders();
    const seen: string[] = [];
    let url = '/orders?limit=2';
    for (let page = 0; page < 5; page += 1) {
      const body = (await world.app.inject({ url, headers: await world.withKey('orders:read-all') })).json();
      seen.push(...idsOf(body));
      if (body.nextCursor === null) break;
      url = `/orders?limit=2&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it.each([
    ['an unknown status', 'status=LOST', 'status'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit over 100', 'limit=101', 'limit'],
    ['a customer id with a dot', 'customerId=a.b', 'customerId'],
    ['an unknown parameter', 'sort=asc', 'sort'],
    ['a cursor it never gave out', 'cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('refuses %s with 400', async (_case, query, field) => {
    const { world } = await worldWithOrders();
    const response = await world.app.inject({
      url: `/orders?${query}`,
      headers: await world.withKey('orders:read-all'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field });
  });
});
