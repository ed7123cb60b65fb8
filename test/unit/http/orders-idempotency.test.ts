import { describe, expect, it } from 'vitest';
import { orderIdForKey } from '../../../src/application/place-order-once.js';
import { RemoveExpiredIdempotencyKeys } from '../../../src/application/remove-expired-idempotency-keys.js';
import { anOrderBody, createHttpWorld, type HttpWorld } from './http-world.js';

const KEY = 'checkout-7f3a9c21';

async function worldWithKeyboard() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  return world;
}

describe('POST /orders with an Idempotency-Key', () => {
  it("gives the order an id chosen at the key's first use, not one derived from the key alone", async () => {
    const world = await worldWithKeyboard();
    const { body } = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(body.orderId).not.toBe(orderIdForKey(KEY));
    expect(world.sagas.started().map((saga) => saga.orderId)).toEqual([body.orderId]);
  });

  it('answers a replay of the same request with the first answer, marked as replayed, and starts one saga', async () => {
    const world = await worldWithKeyboard();
    const first = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    const again = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(again.response.statusCode).toBe(202);
    expect(again.response.json()).toEqual(first.response.json());
    expect(first.response.headers['idempotent-replayed']).toBeUndefined();
    expect(again.response.headers['idempotent-replayed']).toBe('true');
    expect(world.sagas.started()).toHaveLength(1);
  });

  it('treats the same fields in another order as the same request', async () => {
    const world = await worldWithKeyboard();
    await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    const { lines, cardToken, customerId } = anOrderBody();
    const again = await world.placeOrder({ lines, cardToken, customerId }, { 'idempotency-key': KEY });
    expect(again.response.statusCode).toBe(202);
    expect(world.sagas.started()).toHaveLength(1);
  });

  it('replays the first total even when the price changed since', async () => {
    const world = await worldWithKeyboard();
    const first = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    await world.stockProduct('kb-ergo', 0, 1);
    const again = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(again.response.json()).toEqual(first.response.json());
  });

  it('refuses the same key with a different body with 409 and starts nothing more', async () => {
    const world = await worldWithKeyboard();
    await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    const other = await world.placeOrder(anOrderBody({ lines: [{ productId: 'kb-ergo', quantity: 3 }] }), {
      'idempotency-key': KEY,
    });
    expect(other.response.statusCode).toBe(409);
    expect(other.response.json()).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(world.sagas.started()).toHaveLength(1);
  });

  it('starts one saga when the same request arrives twice at once', async () => {
    const world = await worldWithKeyboard();
    const [a, b] = await Promise.all([
      world.placeOrder(anOrderBody(), { 'idempotency-key': KEY }),
      world.placeOrder(anOrderBody(), { 'idempotency-key': KEY }),
    ]);
    expect([a.response.statusCode, b.response.statusCode]).toEqual([202, 202]);
    expect(a.body.orderId).toBe(b.body.orderId);
    expect(world.sagas.started()).toHaveLength(1);
  });

  it('does not remember a refusal: once the product exists, the same request goes through', async () => {
    const world = await createHttpWorld();
    const refused = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    await world.stockProduct('kb-ergo', 10, 8999);
    const placed = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect([refused.response.statusCode, placed.response.statusCode]).toEqual([404, 202]);
  });

  it('places unrelated orders under different keys', async () => {
    const world = await worldWithKeyboard();
    const a = await world.placeOrder(anOrderBody(), { 'idempotency-key': `${KEY}-a` });
    const b = await world.placeOrder(anOrderBody(), { 'idempotency-key': `${KEY}-b` });
    expect(a.body.orderId).not.toBe(b.body.orderId);
    expect(world.sagas.started()).toHaveLength(2);
  });

  it.each([
    ['too short', 'abc'],
    ['with a space', 'checkout 7f3a9c21'],
    ['starting with $', '$checkout-7f3a9c21'],
    ['too long', 'k'.repeat(101)],
  ])('refuses a key %s with 400', async (_case, key) => {
    const world = await worldWithKeyboard();
    const { response } = await world.placeOrder(anOrderBody(), { 'idempotency-key': key });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field: 'idempotency-key' });
  });
});

const HOUR = 3_600_000;

// What the maintenance workflow does to the keys, with the default retention.
function forgetExpiredKeys(world: HttpWorld) {
  return new RemoveExpiredIdempotencyKeys({ ...world, retentionHours: 24 }).execute();
}

describe('POST /orders with an Idempotency-Key past its retention', () => {
  it('still replays the first answer a minute before the key expires', async () => {
    const world = await worldWithKeyboard();
    const first = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    world.clock.advance(24 * HOUR - 60_000);
    expect(await forgetExpiredKeys(world)).toEqual({ idempotencyKeys: 0 });
    const again = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(again.response.headers['idempotent-replayed']).toBe('true');
    expect(again.body.orderId).toBe(first.body.orderId);
  });

  it('places a new order with a new id once the key expired, and leaves the old order as it was', async () => {
    const world = await worldWithKeyboard();
    const first = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    await world.storeOrder(first.body.orderId);
    world.clock.advance(24 * HOUR + 1);
    expect(await forgetExpiredKeys(world)).toEqual({ idempotencyKeys: 1 });
    const again = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(again.response.statusCode).toBe(202);
    expect(again.response.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.orderId).not.toBe(first.body.orderId);
    expect(world.sagas.started()).toHaveLength(2);
    const old = await world.app.inject({
      url: `/orders/${first.body.orderId}`,
      headers: await world.asCustomer('customer-1'),
    });
    expect(old.json()).toMatchObject({ id: first.body.orderId, status: 'PENDING' });
  });

  it('takes another body under an expired key instead of refusing it', async () => {
    const world = await worldWithKeyboard();
    await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    world.clock.advance(25 * HOUR);
    await forgetExpiredKeys(world);
    const other = anOrderBody({ lines: [{ productId: 'kb-ergo', quantity: 3 }] });
    const again = await world.placeOrder(other, { 'idempotency-key': KEY });
    expect(again.response.statusCode).toBe(202);
  });

  it('counts the retention from the answer, not from the first request', async () => {
    const world = await worldWithKeyboard();
    const refused = await world.placeOrder(anOrderBody({ lines: [{ productId: 'ghost', quantity: 1 }] }), {
      'idempotency-key': KEY,
    });
    world.clock.advance(20 * HOUR);
    await world.stockProduct('ghost', 1);
    const placed = await world.placeOrder(anOrderBody({ lines: [{ productId: 'ghost', quantity: 1 }] }), {
      'idempotency-key': KEY,
    });
    world.clock.advance(20 * HOUR);
    await forgetExpiredKeys(world);
    const again = await world.placeOrder(anOrderBody({ lines: [{ productId: 'ghost', quantity: 1 }] }), {
      'idempotency-key': KEY,
    });
    expect([refused.response.statusCode, placed.response.statusCode]).toEqual([404, 202]);
    expect(again.response.headers['idempotent-replayed']).toBe('true');
  });
});
