import { describe, expect, it, vi } from 'vitest';
import { DependencyUnavailable } from '../../../src/application/transient-fault.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithKeyboard() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  return world;
}

describe('POST /orders', () => {
  it('answers 202 with the order id, PENDING, the saga id and the total priced from the catalogue', async () => {
    const world = await worldWithKeyboard();
    const { response, body } = await world.placeOrder(anOrderBody());
    expect(response.statusCode).toBe(202);
    expect(body).toEqual({
      orderId: 'id-1',
      sagaId: 'order-saga-id-1',
      status: 'PENDING',
      total: { amount: 17_998, currency: 'EUR' },
    });
    expect(response.headers.location).toBe('/orders/id-1');
    expect(world.sagas.started()).toEqual([
      {
        orderId: 'id-1',
        customerId: 'customer-1',
        cardToken: 'tok_visa',
        lines: [{ productId: 'kb-ergo', quantity: 2, unitPrice: { amount: 8999, currency: 'EUR' } }],
      },
    ]);
  });

  it('refuses a client-sent total or price instead of trusting it', async () => {
    const world = await worldWithKeyboard();
    const withTotal = await world.placeOrder(anOrderBody({ total: { amount: 1, currency: 'EUR' } }));
    const withPrice = await world.placeOrder(
      anOrderBody({
        lines: [{ productId: 'kb-ergo', quantity: 1, unitPrice: { amount: 1, currency: 'EUR' } }],
      }),
    );
    expect(withTotal.response.json()).toMatchObject({ status: 400, field: 'total' });
    expect(withPrice.response.json()).toMatchObject({ status: 400, field: 'lines[0].unitPrice' });
    expect(world.sagas.started()).toEqual([]);
  });

  it.each([
    ['a missing customer', { customerId: undefined }, 'customerId'],
    ['a customer id with a dot', { customerId: 'a.b' }, 'customerId'],
    ['a customer id that is a MongoDB operator', { customerId: '$ne' }, 'customerId'],
    [
      'a product id that is a MongoDB operator',
      { lines: [{ productId: '$gt', quantity: 1 }] },
      'lines[0].productId',
    ],
    ['a product id with a dot', { lines: [{ productId: 'kb.ergo', quantity: 1 }] }, 'lines[0].productId'],
    [
      'an operator key inside a line',
      { lines: [{ productId: 'kb-ergo', quantity: 1, $where: '1' }] },
      'lines[0].$where',
    ],
    ['an operator key at the top', { $where: 'sleep(1000)' }, '$where'],
    ['no lines', { lines: [] }, 'lines'],
    ['a quantity of zero', { lines: [{ productId: 'kb-ergo', quantity: 0 }] }, 'lines[0].quantity'],
    [
      'a quantity above the limit',
      { lines: [{ productId: 'kb-ergo', quantity: 1001 }] },
      'lines[0].quantity',
    ],
    ['a fractional quantity', { lines: [{ productId: 'kb-ergo', quantity: 1.5 }] }, 'lines[0].quantity'],
    ['a quantity sent as text', { lines: [{ productId: 'kb-ergo', quantity: '2' }] }, 'lines[0].quantity'],
    ['a card token with spaces', { cardToken: 'tok visa' }, 'cardToken'],
  ])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
    const world = await worldWithKeyboard();
    const { response } = await world.placeOrder(anOrderBody(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field });
    expect(world.sagas.started()).toEqual([]);
  });

  it('refuses more than 100 lines', async () => {
    const world = await worldWithKeyboard();
    const lines = Array.from({ length: 101 }, (_, i) => ({ productId: `p-${i}`, quantity: 1 }));
    const { response } = await world.placeOrder(anOrderBody({ lines }));
    expect(response.json()).toMatchObject({ status: 400, field: 'lines' });
  });

  it('refuses two lines for the same product with the domain code', async () => {
    const world = await worldWithKeyboard();
    const lines = [
      { productId: 'kb-ergo', quantity: 1 },
      { productId: 'kb-ergo', quantity: 2 },
    ];
    const { response } = await world.placeOrder(anOrderBody({ lines }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.DUPLICATE_LINE', field: 'lines[1].productId' });
  });

  it('answers 404 PRODUCT.NOT_FOUND for a product the catalogue does not have, and starts no saga', async () => {
    const world = await worldWithKeyboard();
    const { response } = await world.placeOrder(
      anOrderBody({ lines: [{ productId: 'ghost', quantity: 1 }] }),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'PRODUCT.NOT_FOUND',
      detail: 'Product ghost does not exist',
    });
    expect(world.sagas.started()).toEqual([]);
  });

  it('answers 422 when the catalogue prices the lines in different currencies', async () => {
    const world = await worldWithKeyboard();
    await world.useCases.registerProduct.execute({
      id: 'mouse-usd',
      name: 'Mouse',
      unitPrice: { amount: 2000, currency: 'USD' },
    });
    const lines = [
      { productId: 'kb-ergo', quantity: 1 },
      { productId: 'mouse-usd', quantity: 1 },
    ];
    const { response } = await world.placeOrder(anOrderBody({ lines }));
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.CURRENCY_MISMATCH' });
  });

  it('answers 413 to a body over the limit', async () => {
    const world = await worldWithKeyboard();
    const { response } = await world.placeOrder(anOrderBody({ customerId: 'c'.repeat(40_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('answers 400 REQUEST.MALFORMED to a body that is not JSON', async () => {
    const world = await worldWithKeyboard();
    const response = await world.app.inject({
      method: 'POST',
      url: '/orders',
      payload: '{"customerId": ',
      headers: { 'content-type': 'application/json', ...(await world.asCustomer('customer-1')) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'REQUEST.MALFORMED' });
  });

  it('answers 415 to a body that is not sent as JSON', async () => {
    const world = await worldWithKeyboard();
    const response = await world.app.inject({
      method: 'POST',
      url: '/orders',
      payload: 'customerId=1',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(await world.asCustomer('customer-1')),
      },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 503 with Retry-After when the catalogue is down', async () => {
    const world = await worldWithKeyboard();
    vi.spyOn(world.catalog, 'findByIds').mockRejectedValue(new DependencyUnavailable('PostgreSQL'));
    const { response } = await world.placeOrder(anOrderBody());
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json()).toMatchObject({
      code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE',
      detail: 'PostgreSQL is unavailable; try again shortly',
    });
  });
});
