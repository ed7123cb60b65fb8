import { describe, expect, it } from 'vitest';
import { ADMIN_KEY, createHttpWorld } from './http-world.js';

const keyboard = { name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } };
const admin = { 'x-admin-key': ADMIN_KEY };

describe('products', () => {
  it('registers a product with the admin key and reads it back', async () => {
    const world = await createHttpWorld();
    const put = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      payload: keyboard,
      headers: admin,
    });
    const get = await world.app.inject({ url: '/products/kb-ergo' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ id: 'kb-ergo', ...keyboard });
    expect(get.json()).toEqual({ id: 'kb-ergo', ...keyboard });
  });

  it.each([
    ['no key', {}],
    ['a wrong key', { 'x-admin-key': 'not-the-admin-key-at-all' }],
    ['an empty key', { 'x-admin-key': '' }],
  ])('refuses a catalogue write with %s: 401, and nothing changes', async (_case, headers) => {
    const world = await createHttpWorld();
    await world.stockProduct('kb-ergo', 5, 8999);
    const put = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      payload: { ...keyboard, unitPrice: { amount: 1, currency: 'EUR' } },
      headers,
    });
    const restock = await world.app.inject({
      method: 'POST',
      url: '/products/kb-ergo/restock',
      payload: { quantity: 100 },
      headers,
    });
    expect([put.statusCode, restock.statusCode]).toEqual([401, 401]);
    expect(put.json()).toMatchObject({ code: 'AUTH.UNAUTHORIZED' });
    expect((await world.useCases.getProduct.execute({ productId: 'kb-ergo' })).unitPrice.amount).toBe(8999);
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(5);
  });

  it('restocks: adds to what is available and answers the stock', async () => {
    const world = await createHttpWorld();
    await world.stockProduct('kb-ergo', 5, 8999);
    const response = await world.app.inject({
      method: 'POST',
      url: '/products/kb-ergo/restock',
      payload: { quantity: 20 },
      headers: admin,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ productId: 'kb-ergo', available: 25, reserved: 0, committed: 0 });
  });

  it('reads the stock: available, reserved, committed', async () => {
    const world = await createHttpWorld();
    await world.stockProduct('kb-ergo', 10, 8999);
    await world.inventory.reserve('order-1', [{ productId: 'kb-ergo', quantity: 3 }]);
    const response = await world.app.inject({ url: '/products/kb-ergo/stock' });
    expect(response.json()).toEqual({ productId: 'kb-ergo', available: 7, reserved: 3, committed: 0 });
  });

  it.each([
    ['GET', '/products/ghost', undefined],
    ['GET', '/products/ghost/stock', undefined],
    ['POST', '/products/ghost/restock', { quantity: 1 }],
  ])('answers 404 PRODUCT.NOT_FOUND to %s %s', async (method, url, payload) => {
    const world = await createHttpWorld();
    const response = await world.app.inject({ method: method as 'GET', url, payload, headers: admin });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'PRODUCT.NOT_FOUND' });
  });

  it.each([
    ['a restock of 0', '/products/kb-ergo/restock', 'POST', { quantity: 0 }, 'quantity'],
    ['a restock above the limit', '/products/kb-ergo/restock', 'POST', { quantity: 1_000_001 }, 'quantity'],
    [
      'a negative price',
      '/products/kb-ergo',
      'PUT',
      { ...keyboard, unitPrice: { amount: -1, currency: 'EUR' } },
      'unitPrice.amount',
    ],
    [
      'a price in a fraction of cents',
      '/products/kb-ergo',
      'PUT',
      { ...keyboard, unitPrice: { amount: 1.5, currency: 'EUR' } },
      'unitPrice.amount',
    ],
    [
      'a lower-case currency',
      '/products/kb-ergo',
      'PUT',
      { ...keyboard, unitPrice: { amount: 1, currency: 'eur' } },
      'unitPrice.currency',
    ],
    ['an empty name', '/products/kb-ergo', 'PUT', { ...keyboard, name: '' }, 'name'],
    ['a product id with a dot', '/products/kb.ergo', 'PUT', keyboard, 'productId'],
    ['a product id that is an operator', '/products/$where', 'PUT', keyboard, 'productId'],
  ])('refuses %s with 400 naming the field', async (_case, url, method, payload, field) => {
    const world = await createHttpWorld();
    await world.stockProduct('kb-ergo', 1, 8999);
    const response = await world.app.inject({ method: method as 'PUT', url, payload, headers: admin });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field });
  });
});
