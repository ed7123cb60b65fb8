import { describe, expect, it } from 'vitest';
import { anOrderId, aProductId, type InventoryFixture } from './inventory-subject.js';

// What happens to held stock afterwards (release, commit), and how stock arrives (restock).
export function settleCases(current: () => InventoryFixture): void {
  const reserved = async () => {
    const fixture = current();
    await fixture.inventory.reserve(fixture.order, fixture.lines.slice(0, 2));
    return fixture;
  };

  describe('release', () => {
    it('puts every held line back on the shelf and keeps the reservations as RELEASED', async () => {
      const { inventory, p1, p2, order } = await reserved();
      const reservations = await inventory.release(order);
      expect(reservations.map((r) => r.status)).toEqual(['RELEASED', 'RELEASED']);
      expect(await inventory.stockOf(p1)).toEqual({
        productId: p1,
        available: 10,
        reserved: 0,
        committed: 0,
      });
      expect(await inventory.stockOf(p2)).toEqual({
        productId: p2,
        available: 10,
        reserved: 0,
        committed: 0,
      });
    });

    it('releases nothing, without complaint, for an order that reserved nothing', async () => {
      expect(await current().inventory.release(anOrderId())).toEqual([]);
    });

    it('refuses to release a committed order, and changes nothing', async () => {
      const { inventory, p1, order } = await reserved();
      await inventory.commit(order);
      await expect(inventory.release(order)).rejects.toMatchObject({
        code: 'RESERVATION.ILLEGAL_TRANSITION',
      });
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 8, reserved: 0, committed: 2 });
    });
  });

  describe('returnCommitted', () => {
    it('puts committed stock back on the shelf and keeps the reservations as RETURNED', async () => {
      const { inventory, p1, p2, order } = await reserved();
      await inventory.commit(order);
      const reservations = await inventory.returnCommitted(order);
      expect(reservations.map((r) => r.status)).toEqual(['RETURNED', 'RETURNED']);
      expect(await inventory.stockOf(p1)).toEqual({
        productId: p1,
        available: 10,
        reserved: 0,
        committed: 0,
      });
      expect(await inventory.stockOf(p2)).toEqual({
        productId: p2,
        available: 10,
        reserved: 0,
        committed: 0,
      });
    });

    it('returns nothing twice when retried after a lost answer', async () => {
      const { inventory, p1, order } = await reserved();
      await inventory.commit(order);
      await inventory.returnCommitted(order);
      const again = await inventory.returnCommitted(order);
      expect(again.map((r) => r.status)).toEqual(['RETURNED', 'RETURNED']);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, committed: 0 });
    });

    it('leaves a returned order as it is when the saga then releases it', async () => {
      const { inventory, p2, order } = await reserved();
      await inventory.commit(order);
      await inventory.returnCommitted(order);
      expect((await inventory.release(order)).map((r) => r.status)).toEqual(['RETURNED', 'RETURNED']);
      expect(await inventory.stockOf(p2)).toMatchObject({ available: 10, reserved: 0, committed: 0 });
    });

    it('returns nothing for an order that committed nothing', async () => {
      const { inventory, p1, order } = await reserved();
      expect((await inventory.returnCommitted(order)).map((r) => r.status)).toEqual(['HELD', 'HELD']);
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 8, reserved: 2, committed: 0 });
      expect(await inventory.returnCommitted(anOrderId())).toEqual([]);
    });
  });

  describe('commit', () => {
    it('lets every held line leave for good and keeps the reservations as COMMITTED', async () => {
      const { inventory, p2, order } = await reserved();
      const reservations = await inventory.commit(order);
      expect(reservations.map((r) => r.status)).toEqual(['COMMITTED', 'COMMITTED']);
      expect(await inventory.stockOf(p2)).toEqual({ productId: p2, available: 7, reserved: 0, committed: 3 });
    });

    it('refuses to commit for an order that reserved nothing', async () => {
      await expect(current().inventory.commit(anOrderId())).rejects.toMatchObject({
        code: 'RESERVATION.NOT_FOUND',
      });
    });

    it('refuses to commit a released order, and changes nothing', async () => {
      const { inventory, p1, order } = await reserved();
      await inventory.release(order);
      await expect(inventory.commit(order)).rejects.toMatchObject({ code: 'RESERVATION.ILLEGAL_TRANSITION' });
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10, reserved: 0, committed: 0 });
    });
  });

  describe('restock and stockOf', () => {
    it('creates the stock of a product on its first delivery', async () => {
      const { inventory } = current();
      const fresh = aProductId();
      const level = { productId: fresh, available: 4, reserved: 0, committed: 0 };
      expect(await inventory.restock(fresh, 4)).toEqual(level);
      expect(await inventory.stockOf(fresh)).toEqual(level);
    });

    it('adds every delivery, held and committed stock untouched: two deliveries are two', async () => {
      const { inventory, p1, order } = await reserved();
      await inventory.commit(order);
      await inventory.restock(p1, 3);
      expect(await inventory.restock(p1, 3)).toEqual({
        productId: p1,
        available: 14,
        reserved: 0,
        committed: 2,
      });
    });

    it.each([0, -1, 1.5])('refuses a delivery of %s', async (quantity) => {
      const { inventory, p1 } = current();
      await expect(inventory.restock(p1, quantity)).rejects.toMatchObject({
        code: 'VALIDATION.INVALID_QUANTITY',
      });
      expect(await inventory.stockOf(p1)).toMatchObject({ available: 10 });
    });
  });
}
