import { beforeEach, describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../../src/adapters/memory/in-memory-inventory.js';

let inventory: InMemoryInventory;

beforeEach(async () => {
  inventory = new InMemoryInventory();
  await inventory.restock('p-1', 10);
  await inventory.restock('p-2', 10);
  await inventory.restock('p-3', 1);
});

const lines = [
  { productId: 'p-1', quantity: 2 },
  { productId: 'p-2', quantity: 3 },
  { productId: 'p-3', quantity: 5 },
];

describe('InMemoryInventory', () => {
  it('holds every line of an order when all have stock', async () => {
    await inventory.restock('p-3', 4);
    const reservations = await inventory.reserve('o-1', lines);
    expect(reservations.map((r) => [r.productId, r.quantity, r.status])).toEqual([
      ['p-1', 2, 'HELD'],
      ['p-2', 3, 'HELD'],
      ['p-3', 5, 'HELD'],
    ]);
  });

  it('holds nothing when the last of several lines lacks stock, and names that product', async () => {
    await expect(inventory.reserve('o-1', lines)).rejects.toMatchObject({
      code: 'STOCK.INSUFFICIENT',
      productId: 'p-3',
    });
    expect(await inventory.reservationsOf('o-1')).toEqual([]);
    expect(await inventory.stockOf('p-1')).toMatchObject({ available: 10, reserved: 0 });
    expect(await inventory.stockOf('p-2')).toMatchObject({ available: 10, reserved: 0 });
  });

  it('can reserve the order again once the missing stock arrives', async () => {
    await expect(inventory.reserve('o-1', lines)).rejects.toThrow();
    await inventory.restock('p-3', 4);
    expect(await inventory.reserve('o-1', lines)).toHaveLength(3);
  });

  it('treats a product never stocked as out of stock', async () => {
    await expect(inventory.reserve('o-1', [{ productId: 'nope', quantity: 1 }])).rejects.toMatchObject({
      code: 'STOCK.INSUFFICIENT',
      available: 0,
    });
  });

  it('reserves once when asked twice for the same order', async () => {
    await inventory.reserve('o-1', lines.slice(0, 2));
    await inventory.reserve('o-1', lines.slice(0, 2));
    expect(await inventory.stockOf('p-1')).toMatchObject({ available: 8, reserved: 2 });
  });

  it('does not hold stock again for an order already released', async () => {
    await inventory.reserve('o-1', lines.slice(0, 2));
    await inventory.release('o-1');
    const reservations = await inventory.reserve('o-1', lines.slice(0, 2));
    expect(reservations.every((r) => r.status === 'RELEASED')).toBe(true);
    expect(await inventory.stockOf('p-1')).toMatchObject({ available: 10, reserved: 0 });
  });

  it('releases every line of the order, once', async () => {
    await inventory.reserve('o-1', lines.slice(0, 2));
    await inventory.release('o-1');
    await inventory.release('o-1');
    expect(await inventory.stockOf('p-2')).toMatchObject({ available: 10, reserved: 0, committed: 0 });
  });

  it('releases nothing, without complaint, for an order that reserved nothing', async () => {
    expect(await inventory.release('never')).toEqual([]);
  });

  it('commits every line of the order, once', async () => {
    await inventory.reserve('o-1', lines.slice(0, 2));
    await inventory.commit('o-1');
    await inventory.commit('o-1');
    expect(await inventory.stockOf('p-2')).toMatchObject({ available: 7, reserved: 0, committed: 3 });
  });

  it('refuses to commit for an order that reserved nothing', async () => {
    await expect(inventory.commit('never')).rejects.toMatchObject({ code: 'RESERVATION.NOT_FOUND' });
  });

  it('keeps orders apart', async () => {
    await inventory.reserve('o-1', [{ productId: 'p-1', quantity: 2 }]);
    await inventory.reserve('o-2', [{ productId: 'p-1', quantity: 3 }]);
    await inventory.release('o-1');
    expect(await inventory.stockOf('p-1')).toMatchObject({ available: 7, reserved: 3 });
  });

  it('refuses lines naming one product twice', async () => {
    const twice = [lines[0], lines[0]].flatMap((line) => (line === undefined ? [] : [line]));
    await expect(inventory.reserve('o-1', twice)).rejects.toMatchObject({
      code: 'VALIDATION.DUPLICATE_LINE',
    });
  });
});
