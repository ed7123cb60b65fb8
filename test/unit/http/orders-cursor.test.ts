import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OrderCursors } from '../../../src/application/order-cursors.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithThreeOrders() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 100, 8999);
  for (let i = 0; i < 3; i += 1) {
    const { body } = await world.placeOrder(anOrderBody());
    await world.storeOrder(body.orderId);
    world.clock.advance(60_000);
  }
  return world;
}

const position = { createdAt: new Date('2030-01-01T00:00:00.000Z'), id: 'a' };

describe('GET /orders cursor', () => {
  it.each([
    // Issue 14's reproductions: a year outside 1-9999 (was 500), a NUL in the id (was 503).
    ['a year 0 position', 'WyIwMDAwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJhIl0'],
    ['a NUL in the id', 'WyIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJhXHUwMDAwYiJd'],
    ['a cursor signed with another key', new OrderCursors('some-other-key-0123456789').encode(position)],
    ['a signature over another payload', `W10.${new OrderCursors('x').encode(position).split('.')[1]}`],
  ])('refuses %s with 400 on the cursor', async (_case, cursor) => {
    const world = await worldWithThreeOrders();
    const response = await world.app.inject({
      url: `/orders?cursor=${cursor}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field: 'cursor' });
  });

  it('accepts the cursor it gave out', async () => {
    const world = await worldWithThreeOrders();
    const first = (
      await world.app.inject({ url: '/orders?limit=2', headers: await world.asCustomer('customer-1') })
    ).json();
    const next = await world.app.inject({
      url: `/orders?limit=2&cursor=${first.nextCursor}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(next.statusCode).toBe(200);
    expect(next.json().items).toHaveLength(1);
  });
});

describe('OrderCursors', () => {
  const cursors = new OrderCursors('cursor-key-0123456789');

  it('decodes what it encoded', () => {
    expect(cursors.decode(cursors.encode(position))).toEqual(position);
  });

  it.each([
    ['year 10000', ['+010000-01-01T00:00:00.000Z', 'a']],
    ['an id with a dot', ['2030-01-01T00:00:00.000Z', 'a.b']],
    ['a date that is not ISO', ['2030-01-01', 'a']],
    ['three fields', ['2030-01-01T00:00:00.000Z', 'a', 'b']],
  ])('refuses a correctly signed payload with %s', (_case, payload) => {
    // As if the key had leaked: the payload is still checked.
    const raw = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const forged = `${raw}.${signWith('cursor-key-0123456789', raw)}`;
    expect(() => cursors.decode(forged)).toThrow(/cursor is not one this API gave out/);
  });
});

function signWith(key: string, payload: string): string {
  // The same construction as OrderCursors, to forge what only a key holder could.
  return createHmac('sha256', key).update(`order-cursor/${payload}`).digest('base64url');
}
