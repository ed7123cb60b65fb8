import type { MikroORM } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { ManualClock } from '../../src/adapters/memory/manual-clock.js';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { ORDER_PRODUCTS, type OrderProductsDocument } from '../../src/adapters/mongo/order-products.js';
import { productLocksIn } from '../../src/adapters/mongo/product-locks.js';
import { settledOrdersIn, settleOrder } from '../../src/adapters/mongo/settled-orders.js';
import {
  SETTLED_RESERVATIONS,
  type SettledReservationDocument,
} from '../../src/adapters/mongo/settled-reservations.js';
import type { Inventory } from '../../src/application/ports/inventory.js';
import { anOrderId, aProductId, RUN_PREFIX } from './inventory-subject.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

const DAY = 24 * 3_600_000;
// Far behind what other suites settle with the real time, so that a removal before a time near it only
// ever finds this file's records, whatever else runs on the database. (A reservation another suite
// wrote without a date would be dated with this clock and then removed here: suites write dated ones.)
const T0 = new Date('2001-01-01T00:00:00.000Z');

interface Subject {
  readonly inventory: Inventory;
  readonly clock: ManualClock;
  readonly orm?: MikroORM;
  stop(): Promise<void>;
}

// What every Inventory must do about records of settled orders, run against each adapter.
function retentionContract(name: string, start: () => Promise<Subject>) {
  describe(`${name} (Inventory retention contract)`, () => {
    let subject: Subject | undefined;
    let inventory: Inventory;
    let clock: ManualClock;
    beforeAll(async () => {
      subject = await start();
      ({ inventory, clock } = subject);
    });
    afterAll(() => subject?.stop());

    // Each test starts a year after the last one, with whatever earlier tests left removed.
    beforeEach(async () => {
      clock.advance(365 * DAY);
      await inventory.removeSettled(clock.now(), 10_000);
    });

    const settledOrder = async (how: 'commit' | 'release') => {
      const [product, order] = [aProductId(), anOrderId()];
      await inventory.restock(product, 10);
      await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
      await inventory[how](order);
      return { product, order };
    };
    const cutoffAfter = (start: Date, days: number, ms = 0) => new Date(start.getTime() + days * DAY + ms);

    it('removes what a committed and a released order left once settled longer than the retention', async () => {
      const settledAt = clock.now();
      const committed = await settledOrder('commit');
      const released = await settledOrder('release');
      const removed = await inventory.removeSettled(cutoffAfter(settledAt, 0, 1), 100);
      expect(removed).toMatchObject({ settledOrders: 2, settledReservations: 2 });
      expect(await inventory.reservationsOf(committed.order)).toEqual([]);
      expect(await inventory.reservationsOf(released.order)).toEqual([]);
      expect(await inventory.stockOf(committed.product)).toMatchObject({ available: 8, committed: 2 });
      expect(await inventory.stockOf(released.product)).toMatchObject({ available: 10, committed: 0 });
    });

    it('keeps an order settled just inside the retention', async () => {
      const settledAt = clock.now();
      const { order } = await settledOrder('commit');
      expect(await inventory.removeSettled(settledAt, 100)).toMatchObject({ settledOrders: 0 });
      expect(await inventory.reservationsOf(order)).toMatchObject([{ status: 'COMMITTED' }]);
    });

    it('never removes an order in flight, however old its reservation', async () => {
      const [product, order] = [aProductId(), anOrderId()];
      await inventory.restock(product, 10);
      await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
      clock.advance(1_000 * DAY);
      await inventory.removeSettled(clock.now(), 100);
      expect(await inventory.reservationsOf(order)).toMatchObject([{ status: 'HELD', quantity: 2 }]);
      expect(await inventory.stockOf(product)).toMatchObject({ available: 8, reserved: 2 });
    });

    it('still refuses a late reserve of a settled order until its records are removed', async () => {
      const { product, order } = await settledOrder('release');
      clock.advance(10 * DAY);
      await inventory.removeSettled(new Date(clock.now().getTime() - 30 * DAY), 100);
      await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
      expect(await inventory.stockOf(product)).toMatchObject({ available: 10, reserved: 0 });
    });

    it('removes at most `limit` orders a call', async () => {
      const settledAt = clock.now();
      for (let i = 0; i < 3; i += 1) await settledOrder('commit');
      const cutoff = cutoffAfter(settledAt, 0, 1);
      expect(await inventory.removeSettled(cutoff, 2)).toMatchObject({ settledOrders: 2 });
      expect(await inventory.removeSettled(cutoff, 2)).toMatchObject({ settledOrders: 1 });
    });

    it('forgets a restock id once older than the retention, not before', async () => {
      const product = aProductId();
      const at = clock.now();
      await inventory.restock(product, 5, `${product}-r1`);
      expect(await inventory.removeSettled(at, 100)).toMatchObject({ restocks: 0 });
      await inventory.restock(product, 5, `${product}-r1`);
      expect(await inventory.stockOf(product)).toMatchObject({ available: 5 });
      expect(await inventory.removeSettled(cutoffAfter(at, 0, 1), 100)).toMatchObject({ restocks: 1 });
    });
  });
}

retentionContract('InMemoryInventory', async () => {
  const clock = new ManualClock(T0);
  return { inventory: new InMemoryInventory(clock), clock, stop: async () => undefined };
});

retentionContract('MongoInventory on FerretDB', async () => {
  const orm = await startMongoOrm();
  const clock = new ManualClock(T0);
  return { inventory: new MongoInventory(orm, { clock }), clock, orm, stop: () => stopMongoOrm(orm) };
});

describe('MongoInventory retention, what only FerretDB has', () => {
  let orm: MikroORM;
  let inventory: MongoInventory;
  const clock = new ManualClock(new Date('2002-01-01T00:00:00.000Z'));
  beforeAll(async () => {
    orm = await startMongoOrm();
    inventory = new MongoInventory(orm, { clock });
  });
  afterAll(() => stopMongoOrm(orm));

  it('keeps every record of an order whose release stopped half-way, however long ago it settled', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 10);
    await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
    // The release's first write (the settled mark) happened; its move of the reservation did not.
    await settleOrder(settledOrdersIn(orm), order, clock.now());
    const removed = await inventory.removeSettled(new Date(clock.now().getTime() + 1_000 * DAY), 100);
    expect(removed).toMatchObject({ settledOrders: 0 });
    expect(await settledOrdersIn(orm).findOne({ _id: order })).not.toBeNull();
    await inventory.release(order);
    expect(await inventory.stockOf(product)).toMatchObject({ available: 10, reserved: 0 });
  });

  it('dates a reservation that ended before reservations were dated, then removes it a retention later', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 10);
    const connection = orm.em.getConnection();
    // As an order settled before settled_orders existed left them: no mark, no dates.
    await connection.getCollection<SettledReservationDocument>(SETTLED_RESERVATIONS).insertOne({
      _id: JSON.stringify([order, product]),
      orderId: order,
      productId: product,
      quantity: 2,
      status: 'COMMITTED',
    });
    await connection
      .getCollection<OrderProductsDocument>(ORDER_PRODUCTS)
      .insertOne({ _id: order, productIds: [product] });
    const firstSeen = clock.now();
    const dated = await inventory.removeSettled(new Date(firstSeen.getTime() - DAY), 1_000);
    expect(dated.datedLegacyReservations).toBeGreaterThanOrEqual(1);
    expect(await settledOrdersIn(orm).findOne({ _id: order })).toEqual({ _id: order, settledAt: firstSeen });
    expect(await inventory.reservationsOf(order)).toMatchObject([{ status: 'COMMITTED' }]);
    clock.advance(30 * DAY);
    await inventory.removeSettled(new Date(firstSeen.getTime() + 1), 1_000);
    expect(await inventory.reservationsOf(order)).toEqual([]);
    expect(await settledOrdersIn(orm).findOne({ _id: order })).toBeNull();
  });

  it('removes a product lock that two maintenance runs in a row found, whatever its clock says', async () => {
    const locks = productLocksIn(orm);
    const far = new Date(Date.now() + 10 * 86_400_000);
    const [abandoned, takenSince] = [`${RUN_PREFIX}-lockA`, `${RUN_PREFIX}-lockB`];
    // Leased until far in the future: a wall clock set days back wrote it.
    await locks.insertOne({ productId: abandoned, expiresAt: far });
    await inventory.removeSettled(clock.now(), 1_000);
    expect(await locks.countDocuments({ productId: abandoned })).toBe(1);
    await locks.insertOne({ productId: takenSince, expiresAt: new Date(0) });

    const removed = await inventory.removeSettled(clock.now(), 1_000);

    expect(removed.expiredLocks).toBeGreaterThanOrEqual(1);
    const left = await locks.find({ productId: { $in: [abandoned, takenSince] } }).toArray();
    expect(left.map((lock) => lock.productId)).toEqual([takenSince]);
  });
});
