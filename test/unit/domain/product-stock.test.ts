import { describe, expect, it } from 'vitest';
import { ProductStock } from '../../../src/domain/stock/product-stock.js';

const stocked = (quantity: number) => ProductStock.empty('p-1').restock(quantity);

describe('ProductStock', () => {
  it('moves a reservation from available to reserved, HELD for the order', () => {
    const stock = stocked(10).reserve('o-1', 3);
    expect(stock.level()).toEqual({ productId: 'p-1', available: 7, reserved: 3, committed: 0 });
    expect(stock.reservationFor('o-1')).toEqual({
      orderId: 'o-1',
      productId: 'p-1',
      quantity: 3,
      status: 'HELD',
    });
  });

  it('refuses to reserve more than is available, and changes nothing', () => {
    const stock = stocked(2);
    expect(() => stock.reserve('o-1', 3)).toThrow(
      expect.objectContaining({ code: 'STOCK.INSUFFICIENT', productId: 'p-1', requested: 3, available: 2 }),
    );
    expect(stock.level().available).toBe(2);
  });

  it('does not reserve twice for the same order', () => {
    expect(stocked(10).reserve('o-1', 3).reserve('o-1', 3).level()).toMatchObject({
      available: 7,
      reserved: 3,
    });
  });

  it('commits a held reservation: the stock leaves for good', () => {
    const stock = stocked(10).reserve('o-1', 3).commit('o-1');
    expect(stock.level()).toMatchObject({ available: 7, reserved: 0, committed: 3 });
    expect(stock.reservationFor('o-1')?.status).toBe('COMMITTED');
  });

  it('releases a held reservation back to available and keeps it as RELEASED', () => {
    const stock = stocked(10).reserve('o-1', 3).release('o-1');
    expect(stock.level()).toMatchObject({ available: 10, reserved: 0, committed: 0 });
    expect(stock.reservationFor('o-1')?.status).toBe('RELEASED');
  });

  it('does not reserve again for an order whose reservation was released', () => {
    expect(stocked(10).reserve('o-1', 3).release('o-1').reserve('o-1', 3).level().available).toBe(10);
  });

  it('treats a release of what was never reserved, or released already, as a no-op', () => {
    const stock = stocked(10);
    expect(stock.release('o-1')).toBe(stock);
    const released = stock.reserve('o-1', 3).release('o-1');
    expect(released.release('o-1')).toBe(released);
  });

  it('treats a second commit as a no-op', () => {
    const committed = stocked(10).reserve('o-1', 3).commit('o-1');
    expect(committed.commit('o-1')).toBe(committed);
  });

  it.each([
    ['commit a released reservation', (s: ProductStock) => s.reserve('o-1', 3).release('o-1').commit('o-1')],
    [
      'release a committed reservation',
      (s: ProductStock) => s.reserve('o-1', 3).commit('o-1').release('o-1'),
    ],
  ])('refuses to %s', (_, move) => {
    expect(() => move(stocked(10))).toThrow(
      expect.objectContaining({ code: 'RESERVATION.ILLEGAL_TRANSITION' }),
    );
  });

  it('refuses to commit what was never reserved', () => {
    expect(() => stocked(10).commit('o-1')).toThrow(
      expect.objectContaining({ code: 'RESERVATION.NOT_FOUND' }),
    );
  });

  it('unreserves a held reservation without a trace, so that a later reserve can take it again', () => {
    const stock = stocked(10).reserve('o-1', 3).unreserve('o-1');
    expect(stock.reservationFor('o-1')).toBeUndefined();
    expect(stock.reserve('o-1', 3).level().reserved).toBe(3);
  });

  it.each([0, -1, 1.5])('refuses to restock or reserve a quantity of %s', (quantity) => {
    expect(() => stocked(10).restock(quantity)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_QUANTITY' }),
    );
    expect(() => stocked(10).reserve('o-1', quantity)).toThrow(
      expect.objectContaining({ code: 'VALIDATION.INVALID_QUANTITY' }),
    );
  });
});
