import { describe, expect, it } from 'vitest';
import { anOrderBody, createHttpWorld } from './http-world.js';

const KEY = 'checkout-refused-1';

async function worldWithMixedCurrencies() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  await world.useCases.registerProduct.execute({
    id: 'mouse-usd',
    name: 'Mouse',
    unitPrice: { amount: 2000, currency: 'USD' },
  });
  return world;
}

const line = (productId: string, quantity = 1) => ({ productId, quantity });

// Issue 14: a refused order used up its key, and the corrected retry got 409 IDEMPOTENCY.KEY_REUSED.
describe('POST /orders refused with an Idempotency-Key', () => {
  it.each([
    [404, 'PRODUCT.NOT_FOUND', [line('no-such-product')]],
    [400, 'VALIDATION.DUPLICATE_LINE', [line('kb-ergo'), line('kb-ergo')]],
    [422, 'VALIDATION.CURRENCY_MISMATCH', [line('kb-ergo'), line('mouse-usd')]],
  ])('leaves the key free after a %i %s, for the corrected order', async (status, code, lines) => {
    const world = await worldWithMixedCurrencies();
    const refused = await world.placeOrder(anOrderBody({ lines }), { 'idempotency-key': KEY });
    expect(refused.response.statusCode).toBe(status);
    expect(refused.response.json()).toMatchObject({ code });

    const corrected = await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    expect(corrected.response.statusCode).toBe(202);
    expect(corrected.response.headers['idempotent-replayed']).toBeUndefined();
    expect(world.sagas.started()).toHaveLength(1);
  });

  it('refuses the same refused request again the same way, not as a replay', async () => {
    const world = await worldWithMixedCurrencies();
    const body = anOrderBody({ lines: [line('no-such-product')] });
    await world.placeOrder(body, { 'idempotency-key': KEY });
    const again = await world.placeOrder(body, { 'idempotency-key': KEY });
    expect(again.response.statusCode).toBe(404);
    expect(world.sagas.started()).toHaveLength(0);
  });

  it('keeps the key of an accepted order: another body with it is still 409', async () => {
    const world = await worldWithMixedCurrencies();
    await world.placeOrder(anOrderBody(), { 'idempotency-key': KEY });
    const other = await world.placeOrder(anOrderBody({ lines: [line('kb-ergo', 3)] }), {
      'idempotency-key': KEY,
    });
    expect(other.response.statusCode).toBe(409);
  });
});
