import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderRepository } from '../../src/application/ports/order-repository.js';
import { ConcurrencyConflict } from '../../src/application/transient-fault.js';
import { Order } from '../../src/domain/order/order.js';
import { Money } from '../../src/domain/shared/money.js';
import { uniqueName } from '../support/settings.js';

export interface OrderRepositoryUnderTest {
  readonly orders: OrderRepository;
  stop(): Promise<void>;
}

// Milliseconds on purpose: a store that rounds timestamps fails the round trips.
const PLACED_AT = new Date('2025-03-04T05:06:07.891Z');
const LATER = new Date('2025-03-04T05:07:08.912Z');

export function aNewOrder(id = uniqueName('order')): Order {
  return Order.place({
    id,
    customerId: 'customer-42',
    sagaId: `order-saga-${id}`,
    lines: [
      { productId: 'keyboard', quantity: 2, unitPrice: Money.of(4_999, 'EUR') },
      { productId: 'cable', quantity: 3, unitPrice: Money.of(1, 'EUR') },
      { productId: 'adapter', quantity: 1, unitPrice: Money.of(90_071_992_547, 'EUR') },
    ],
    at: PLACED_AT,
  });
}

export const failure = (reason: string) => ({ code: 'STOCK.INSUFFICIENT', reason });

async function conflictOf(write: Promise<unknown>): Promise<unknown> {
  return write.then(
    () => undefined,
    (error: unknown) => error,
  );
}

// What every OrderRepository must do, whatever it stores orders in. Run against each adapter of the port.
export function orderRepositoryContract(name: string, start: () => Promise<OrderRepositoryUnderTest>): void {
  describe(`${name} (OrderRepository contract)`, () => {
    let subject: OrderRepositoryUnderTest | undefined;
    let orders: OrderRepository;
    beforeAll(async () => {
      subject = await start();
      orders = subject.orders;
    });
    afterAll(() => subject?.stop());

    it('finds nothing for an id it never stored', async () => {
      expect(await orders.findById(uniqueName('never-stored'))).toBeNull();
    });

    it('stores a new order at version 1 and reads back its lines, in order, money, status and times', async () => {
      const order = aNewOrder();
      const saved = await orders.save(order);
      expect(saved.toSnapshot()).toEqual({ ...order.toSnapshot(), version: 1 });
      expect((await orders.findById(order.id))?.toSnapshot()).toEqual(saved.toSnapshot());
    });

    it('reads back a failure and a later update time after a transition', async () => {
      const saved = await orders.save(aNewOrder());
      const cancelled = await orders.save(saved.cancel(failure('no keyboards left'), LATER));
      const found = await orders.findById(saved.id);
      expect(found?.toSnapshot()).toEqual(cancelled.toSnapshot());
      expect(found?.toSnapshot()).toMatchObject({
        status: 'CANCELLED',
        failure: failure('no keyboards left'),
        createdAt: PLACED_AT.toISOString(),
        updatedAt: LATER.toISOString(),
        version: 2,
      });
    });

    it('bumps the version by one on every write', async () => {
      const first = await orders.save(aNewOrder());
      const second = await orders.save(first.markCompensationFailed(failure('refund refused'), LATER));
      const third = await orders.save(second.cancel(failure('closed by an operator'), LATER));
      expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
      expect((await orders.findById(first.id))?.version).toBe(3);
    });

    it('refuses a new order whose id is taken with ConcurrencyConflict and keeps the first', async () => {
      const first = await orders.save(aNewOrder());
      const twin = Order.place({ ...aNewOrder(first.id), customerId: 'someone-else', at: LATER });
      const error = await conflictOf(orders.save(twin));
      expect(error).toBeInstanceOf(ConcurrencyConflict);
      expect(error).toMatchObject({ code: 'TRANSIENT.CONCURRENT_MODIFICATION' });
      expect((await orders.findById(first.id))?.toSnapshot()).toEqual(first.toSnapshot());
    });

    it('refuses a write made from a stale read and keeps the write that was first', async () => {
      const saved = await orders.save(aNewOrder());
      const [first, second] = [await orders.findById(saved.id), await orders.findById(saved.id)];
      if (first === null || second === null) throw new Error('order not stored');
      const confirmed = await orders.save(first.confirm(LATER));
      const error = await conflictOf(orders.save(second.cancel(failure('too late'), LATER)));
      expect(error).toBeInstanceOf(ConcurrencyConflict);
      expect((await orders.findById(saved.id))?.toSnapshot()).toEqual(confirmed.toSnapshot());
    });

    it('refuses an update of an order it never stored, and stores nothing', async () => {
      const ghost = Order.fromSnapshot({ ...aNewOrder().toSnapshot(), version: 4 });
      expect(await conflictOf(orders.save(ghost.confirm(LATER)))).toBeInstanceOf(ConcurrencyConflict);
      expect(await orders.findById(ghost.id)).toBeNull();
    });

    it('lists the orders matching the filters, newest first, and pages strictly after a position', async () => {
      const customerId = uniqueName('lister');
      const placed = async (minute: number, id: string) =>
        orders.save(
          Order.place({
            ...aNewOrder(`${customerId}-${id}`),
            customerId,
            sagaId: `order-saga-${customerId}-${id}`,
            lines: aNewOrder().lines,
            at: new Date(PLACED_AT.getTime() + minute * 60_000),
          }),
        );
      // b and c share their creation time: the id breaks the tie.
      const [a, b, c, d] = [
        await placed(0, 'a'),
        await placed(1, 'b'),
        await placed(1, 'c'),
        await placed(2, 'd'),
      ];
      await orders.save(b.cancel(failure('out of stock'), LATER));
      const ids = async (query: Parameters<OrderRepository['list']>[0]) =>
        (await orders.list(query)).map((order) => order.id);

      expect(await ids({ customerId, limit: 10 })).toEqual([d.id, c.id, b.id, a.id]);
      expect(await ids({ customerId, status: 'PENDING', limit: 10 })).toEqual([d.id, c.id, a.id]);
      expect(await ids({ customerId, status: 'CANCELLED', limit: 10 })).toEqual([b.id]);
      expect(await ids({ customerId, limit: 2 })).toEqual([d.id, c.id]);
      expect(await ids({ customerId, limit: 2, after: { createdAt: c.createdAt, id: c.id } })).toEqual([
        b.id,
        a.id,
      ]);
      const listed = await orders.list({ customerId, status: 'CANCELLED', limit: 1 });
      expect(listed[0]?.toSnapshot()).toEqual((await orders.findById(b.id))?.toSnapshot());
    });
  });
}
