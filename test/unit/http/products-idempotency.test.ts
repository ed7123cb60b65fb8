import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, anOrderBody, createHttpWorld, type HttpWorld } from './http-world.js';

const KEY = 'delivery-2026-12-02-0001';

async function worldWithKeyboard() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 5, 8999);
  return world;
}

function restock(world: HttpWorld, quantity: number, key?: string, productId = 'kb-ergo') {
  return world.app.inject({
    method: 'POST',
    url: `/products/${productId}/restock`,
    payload: { quantity },
    headers: { 'x-admin-key': ADMIN_KEY, ...(key === undefined ? {} : { 'idempotency-key': key }) },
  });
}

describe('POST /products/{id}/restock with an Idempotency-Key', () => {
  it('adds the units once and answers a replay with the first answer, marked as replayed', async () => {
    const world = await worldWithKeyboard();
    const first = await restock(world, 20, KEY);
    const again = await restock(world, 20, KEY);
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.json()).toEqual(first.json());
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(25);
  });

  it('replays the first answer even after the stock moved since', async () => {
    const world = await worldWithKeyboard();
    const first = await restock(world, 20, KEY);
    await restock(world, 3);
    const again = await restock(world, 20, KEY);
    expect(again.json()).toEqual({ productId: 'kb-ergo', available: 25, reserved: 0, committed: 0 });
    expect(first.json()).toEqual(again.json());
  });

  it('refuses another quantity or another product under the same key with 409 and adds nothing', async () => {
    const world = await worldWithKeyboard();
    await world.stockProduct('cable-usbc', 0);
    await restock(world, 20, KEY);
    const otherQuantity = await restock(world, 21, KEY);
    const otherProduct = await restock(world, 20, KEY, 'cable-usbc');
    expect([otherQuantity.statusCode, otherProduct.statusCode]).toEqual([409, 409]);
    expect(otherQuantity.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(25);
    expect((await world.inventory.stockOf('cable-usbc')).available).toBe(0);
  });

  it('adds the units once when the same request arrives several times at once', async () => {
    const world = await worldWithKeyboard();
    const answers = await Promise.all(Array.from({ length: 5 }, () => restock(world, 20, KEY)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(25);
  });

  it('keeps restock keys apart from order keys: the same string is a new key for each', async () => {
    const world = await worldWithKeyboard();
    const order = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    const delivery = await restock(world, 20, KEY);
    expect([order.response.statusCode, delivery.statusCode]).toEqual([202, 200]);
    expect(delivery.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not remember a refusal: a restock of a product not yet in the catalogue passes once it is', async () => {
    const world = await createHttpWorld();
    const refused = await restock(world, 20, KEY);
    await world.stockProduct('kb-ergo', 0);
    const done = await restock(world, 20, KEY);
    expect([refused.statusCode, done.statusCode]).toEqual([404, 200]);
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(20);
  });

  it('refuses a malformed key with 400', async () => {
    const world = await worldWithKeyboard();
    const response = await restock(world, 20, 'a b');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'idempotency-key' });
  });
});
