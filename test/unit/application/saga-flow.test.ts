import { describe, expect, it, vi } from 'vitest';
import { DependencyUnavailable } from '../../../src/application/transient-fault.js';
import { createMemoryWorld, DECLINED_CARD, GOOD_CARD } from '../../support/memory-world.js';
import type { NewsScript } from '../../support/run-saga.js';

const PARCEL = { news: { carrier: 'DHL', trackingNumber: 'JD0146' } };

async function placed(
  options: { cardToken?: string; quantity?: number; breakRelease?: boolean; news?: NewsScript } = {},
) {
  const world = createMemoryWorld({ runSagas: true, ...(options.news ? { news: options.news } : {}) });
  await world.stockProduct('p-1', 5, 1250);
  await world.stockProduct('p-2', 5, 300);
  if (options.breakRelease === true) {
    vi.spyOn(world.inventory, 'release').mockRejectedValue(new DependencyUnavailable('inventory'));
  }
  const { orderId } = await world.useCases.placeOrder.execute({
    customerId: 'c-1',
    cardToken: options.cardToken ?? GOOD_CARD,
    lines: [
      { productId: 'p-1', quantity: 2 },
      { productId: 'p-2', quantity: options.quantity ?? 1 },
    ],
  });
  return { world, orderId, state: await world.stateOf(orderId, ['p-1', 'p-2']) };
}

describe('the saga over the use-cases', () => {
  it('confirms an order: stock committed, money captured', async () => {
    const { state } = await placed();
    expect(state.order).toMatchObject({ status: 'CONFIRMED', total: { amount: 2800 } });
    expect(state.payment).toMatchObject({ status: 'CAPTURED', amount: { amount: 2800 } });
    expect(state.stock.map((level) => level.committed)).toEqual([2, 1]);
  });

  it('ships and delivers a confirmed order', async () => {
    const { state } = await placed({ news: { shipment: PARCEL, delivery: { news: {} } } });
    expect(state.order).toMatchObject({
      status: 'DELIVERED',
      shipment: { carrier: 'DHL', trackingNumber: 'JD0146' },
    });
    expect(state.stock.map((level) => level.committed)).toEqual([2, 1]);
  });

  it.each(['DEADLINE', 'CANCEL'] as const)(
    'refunds a confirmed order and puts its stock back on the shelf (%s before shipment)',
    async (how) => {
      const { state } = await placed({ news: { shipment: how } });
      const code = how === 'DEADLINE' ? 'FULFILMENT.DEADLINE_PASSED' : 'ORDER.CANCELLED_ON_REQUEST';
      expect(state.order).toMatchObject({ status: 'CANCELLED', failure: { code } });
      expect(state.payment).toMatchObject({ status: 'REFUNDED' });
      expect(state.reservations.map((r) => r.status)).toEqual(['RETURNED', 'RETURNED']);
      expect(state.stock).toEqual([
        { productId: 'p-1', available: 5, reserved: 0, committed: 0 },
        { productId: 'p-2', available: 5, reserved: 0, committed: 0 },
      ]);
    },
  );

  it('cancels an order that lacks stock, holding nothing and moving no money', async () => {
    const { state } = await placed({ quantity: 6 });
    expect(state.order).toMatchObject({ status: 'CANCELLED', failure: { code: 'STOCK.INSUFFICIENT' } });
    expect(state.stock.map((level) => level.available)).toEqual([5, 5]);
    expect(state.movedMoney).toEqual([]);
  });

  it('cancels an order whose card is declined and puts its stock back', async () => {
    const { state } = await placed({ cardToken: DECLINED_CARD });
    expect(state.order).toMatchObject({ status: 'CANCELLED', failure: { code: 'PAYMENT.DECLINED' } });
    expect(state.reservations.map((r) => r.status)).toEqual(['RELEASED', 'RELEASED']);
    expect(state.stock.map((level) => level.available)).toEqual([5, 5]);
  });

  it('leaves an order COMPENSATION_FAILED for an operator when an undo cannot finish', async () => {
    const { state } = await placed({ cardToken: DECLINED_CARD, breakRelease: true });
    expect(state.order).toMatchObject({
      status: 'COMPENSATION_FAILED',
      failure: { code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' },
    });
  });
});
