import { describe, expect, it } from 'vitest';
import type { StockLine } from '../../src/application/ports/inventory.js';
import { anOrderId, aProductId, byProduct, type InventoryFixture } from './inventory-subject.js';

export function reserveCases(current: () => InventoryFixture): void {
  describe('reserve', () => {
    it('holds every line of an order that has stock for all, and returns the reservations', async () => {
      const { inventory, p1, p2, order, lines } = current();
      const reservations = await inventory.reserve(order, lines.slice(0, 2));
      const expected = byProduct([
        { orderId: order, productId: p1, quantity: 2, status: 'HELD' },
        { orderId: order, productId: p2, quantity: 3, status: 'HELD' },
      ]);
      expect(byProduct(reservations)).toEqual(expected);
      expect(byProduct(await inventory.reservationsOf(order))).toEqual(expected);
      expect(await inventory.stockOf(p1)).toEqual({ productId: p1, available: 8, reserved: 2, committed: 0 });
    });

    it('holds nothing when the last of several lines lacks stock, and names that product', async () => {
      const { inventory, p1, p2, p3, order, lines } = current();
      await expect(inventory.reserve(order, lines)).rejects.toMatchObject({
        code: 'STOCK.INSUFFICIENT',
        productId: p3,
        requested: 5,
        available: 1,
      });
      expect(await inventory.reservationsOf(order)).toEqual([]);
      for (const [id, stocked] of [
        [p1, 10],
        [p2, 10],
        [p3, 1],
      ] as const)
        expect(await inventory.stockOf(id)).toMatchObject({ available: stocked, reserved: 0 });
    });

    it('treats a product never stocked as out of stock, with a stock of zero', async () => {
      const { inventory, order } = current();
      const never = aProductId();
      await expect(inventory.reserve(order, [{ productId: never, quantity: 1 }])).rejects.toMatchObject({
        code: 'STOCK.INSUFFICIENT',
        available: 0,
      });
      expect(await inventory.stockOf(never)).toEqual({
        productId: never,
        available: 0,
        reserved: 0,
        committed: 0,
      });
    });

    it('takes back the lines a dead earlier attempt left held when it fails', async () => {
      const { inventory, p1, order, lines } = current();
      await inventory.reserve(order, lines.slice(0, 1));
      await expect(inventory.reserve(order, lines)).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT' });
      expect(await inventory.reservationsOf(order)).toEqual([]);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('can reserve the order again once the missing stock arrives', async () => {
      const { inventory, p3, order, lines } = current();
      await expect(inventory.reserve(order, lines)).rejects.toThrow();
      await inventory.restock(p3, 4);
      expect(await inventory.reserve(order, lines)).toHaveLength(3);
      expect(await inventory.stockOf(p3)).toMatchObject({ available: 0, reserved: 5 });
    });

    it('does not hold stock again for an order already released', async () => {
      const { inventory, p1, order, lines } = current();
      await inventory.reserve(order, lines.slice(0, 2));
      await inventory.release(order);
      const reservations = await inventory.reserve(order, lines.slice(0, 2));
      expect(reservations.map((r) => r.status)).toEqual(['RELEASED', 'RELEASED']);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('holds nothing for an order released before its reserve ran, not even a line it never had', async () => {
      const { inventory, p1, order, lines } = current();
      await inventory.release(order);
      expect(await inventory.reserve(order, lines.slice(0, 2))).toEqual([]);
      expect(await inventory.reservationsOf(order)).toEqual([]);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('holds no new line for an order already committed', async () => {
      const { inventory, p1, p2, order, lines } = current();
      await inventory.reserve(order, lines.slice(0, 1));
      await inventory.commit(order);
      const reservations = await inventory.reserve(order, lines.slice(0, 2));
      expect(reservations).toEqual([{ orderId: order, productId: p1, quantity: 2, status: 'COMMITTED' }]);
      expect(await inventory.stockOf(p2)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('still holds stock for an order whose commit found nothing to commit', async () => {
      const { inventory, order, lines } = current();
      await expect(inventory.commit(order)).rejects.toMatchObject({ code: 'RESERVATION.NOT_FOUND' });
      expect(await inventory.reserve(order, lines.slice(0, 2))).toHaveLength(2);
    });

    it('keeps orders apart', async () => {
      const { inventory, p1, order } = current();
      const other = anOrderId();
      await inventory.reserve(order, [{ productId: p1, quantity: 2 }]);
      await inventory.reserve(other, [{ productId: p1, quantity: 3 }]);
      await inventory.release(order);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 7, reserved: 3 });
      expect(await inventory.reservationsOf(other)).toMatchObject([{ quantity: 3, status: 'HELD' }]);
    });

    const invalid: [string, (f: InventoryFixture) => unknown[], string][] = [
      ['no line', () => [], 'VALIDATION.EMPTY_ORDER'],
      ['one product on two lines', (f) => [f.lines[0], f.lines[0]], 'VALIDATION.DUPLICATE_LINE'],
      ['a quantity of zero', (f) => [{ productId: f.p1, quantity: 0 }], 'VALIDATION.INVALID_QUANTITY'],
      ['a blank product id', () => [{ productId: ' ', quantity: 1 }], 'VALIDATION.INVALID_FIELD'],
    ];
    it.each(invalid)('refuses %s and holds nothing', async (_, linesOf, code) => {
      const fixture = current();
      const { inventory, p1, order } = fixture;
      await expect(inventory.reserve(order, linesOf(fixture) as StockLine[])).rejects.toMatchObject({ code });
      expect(await inventory.reservationsOf(order)).toEqual([]);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, reserved: 0 });
    });
  });
}
