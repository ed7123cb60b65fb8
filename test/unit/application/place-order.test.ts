import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryWorld, GOOD_CARD, type MemoryWorld } from '../../support/memory-world.js';

let world: MemoryWorld;

beforeEach(async () => {
  world = createMemoryWorld();
  await world.stockProduct('p-1', 10, 1250);
  await world.stockProduct('p-2', 10, 99);
});

const place = (lines: { productId: string; quantity: number }[], customerId = 'c-1') =>
  world.useCases.placeOrder.execute({ customerId, cardToken: GOOD_CARD, lines });

describe('PlaceOrder', () => {
  it('prices the lines from the catalogue and starts the saga with them', async () => {
    const placed = await place([
      { productId: 'p-1', quantity: 3 },
      { productId: 'p-2', quantity: 1 },
    ]);
    expect(placed).toEqual({
      orderId: 'id-1',
      sagaId: 'order-saga-id-1',
      total: { amount: 3849, currency: 'EUR' },
    });
    expect(world.sagas.started()).toEqual([
      {
        orderId: 'id-1',
        customerId: 'c-1',
        cardToken: GOOD_CARD,
        lines: [
          { productId: 'p-1', quantity: 3, unitPrice: { amount: 1250, currency: 'EUR' } },
          { productId: 'p-2', quantity: 1, unitPrice: { amount: 99, currency: 'EUR' } },
        ],
      },
    ]);
  });

  it('leaves storing the order to the saga', async () => {
    const { orderId } = await place([{ productId: 'p-1', quantity: 1 }]);
    expect(await world.orders.findById(orderId)).toBeNull();
  });

  it('refuses an unknown product and starts no saga', async () => {
    await expect(place([{ productId: 'nope', quantity: 1 }])).rejects.toMatchObject({
      code: 'PRODUCT.NOT_FOUND',
      productId: 'nope',
    });
    expect(world.sagas.started()).toEqual([]);
  });

  it.each([
    ['an empty order', [], 'c-1', 'VALIDATION.EMPTY_ORDER'],
    ['a zero quantity', [{ productId: 'p-1', quantity: 0 }], 'c-1', 'VALIDATION.INVALID_QUANTITY'],
    ['a blank customer', [{ productId: 'p-1', quantity: 1 }], '', 'VALIDATION.INVALID_FIELD'],
  ])('refuses %s', async (_, lines, customerId, code) => {
    await expect(place(lines, customerId)).rejects.toMatchObject({ code });
    expect(world.sagas.started()).toEqual([]);
  });

  it('refuses products priced in different currencies', async () => {
    await world.useCases.registerProduct.execute({
      id: 'p-usd',
      name: 'Dollar thing',
      unitPrice: { amount: 5, currency: 'USD' },
    });
    await expect(
      place([
        { productId: 'p-1', quantity: 1 },
        { productId: 'p-usd', quantity: 1 },
      ]),
    ).rejects.toMatchObject({ code: 'VALIDATION.CURRENCY_MISMATCH' });
  });
});
