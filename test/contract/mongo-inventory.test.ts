import { MikroORM } from '@mikro-orm/mongodb';
import type { Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureInventoryIndexes } from '../../src/adapters/mongo/inventory-indexes.js';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { ORDER_PRODUCTS } from '../../src/adapters/mongo/order-products.js';
import { mongoOrmConfig } from '../../src/adapters/mongo/orm-config.js';
import { PRODUCT_LOCKS } from '../../src/adapters/mongo/product-locks.js';
import { PRODUCTS } from '../../src/adapters/mongo/product-stock-document.js';
import { SETTLED_RESERVATIONS } from '../../src/adapters/mongo/settled-reservations.js';
import { DependencyUnavailable } from '../../src/application/transient-fault.js';
import { anOrderId, aProductId } from './inventory-subject.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

// What the contract cannot see: the documents, the indexes, the locks, and how the adapter fails.
describe('MongoInventory', () => {
  let orm: MikroORM;
  let inventory: MongoInventory;
  beforeAll(async () => {
    orm = await startMongoOrm();
    inventory = new MongoInventory(orm);
  });
  afterAll(() => stopMongoOrm(orm));
  const collection = (name: string) => orm.em.getConnection().getCollection<Document>(name);
  const listOf = (name: string) => orm.em.getConnection().getCollection<Document & { _id: string }>(name);

  it('keeps a product in one document with its counters and its reservations in flight only', async () => {
    const [product, committed, held] = [aProductId(), anOrderId(), anOrderId()];
    await inventory.restock(product, 10);
    await inventory.reserve(committed, [{ productId: product, quantity: 3 }]);
    await inventory.commit(committed);
    await inventory.reserve(held, [{ productId: product, quantity: 2 }]);

    expect(
      await collection(PRODUCTS).findOne({ productId: product }, { projection: { _id: 0, fence: 0 } }),
    ).toEqual({
      productId: product,
      availableStock: 5,
      reservedStock: 2,
      committedStock: 3,
      reservations: [{ orderId: held, quantity: 2, status: 'HELD' }],
    });
    expect(await collection(SETTLED_RESERVATIONS).findOne({ orderId: committed })).toEqual({
      _id: JSON.stringify([committed, product]),
      orderId: committed,
      productId: product,
      quantity: 3,
      status: 'COMMITTED',
      settledAt: expect.any(Date),
    });
    expect(await listOf(ORDER_PRODUCTS).findOne({ _id: held })).toEqual({
      _id: held,
      productIds: [product],
    });
  });

  it('finishes a move that died between its two writes, and counts the stock once', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 4);
    await inventory.reserve(order, [{ productId: product, quantity: 4 }]);
    // The ended reservation was written, the product still holds it: the commit died in between.
    await listOf(SETTLED_RESERVATIONS).insertOne({
      _id: JSON.stringify([order, product]),
      orderId: order,
      productId: product,
      quantity: 4,
      status: 'COMMITTED',
      settledAt: new Date(),
    });
    expect(await inventory.reservationsOf(order)).toMatchObject([{ status: 'HELD' }]);

    expect(await inventory.release(order)).toMatchObject([{ status: 'RELEASED' }]);
    expect(await inventory.stockOf(product)).toMatchObject({ available: 4, reserved: 0, committed: 0 });
    await expect(inventory.commit(order)).rejects.toMatchObject({ code: 'RESERVATION.ILLEGAL_TRANSITION' });
  });

  it('still reads and settles reservations that documents from before the move out hold', async () => {
    const [product, committed, held] = [aProductId(), anOrderId(), anOrderId()];
    await collection(PRODUCTS).insertOne({
      productId: product,
      availableStock: 5,
      reservedStock: 2,
      committedStock: 3,
      reservations: [
        { orderId: committed, quantity: 3, status: 'COMMITTED' },
        { orderId: held, quantity: 2, status: 'HELD' },
      ],
    });

    expect(await inventory.commit(committed)).toMatchObject([{ quantity: 3, status: 'COMMITTED' }]);
    expect(await inventory.release(held)).toMatchObject([{ quantity: 2, status: 'RELEASED' }]);
    expect(await inventory.reservationsOf(held)).toMatchObject([{ status: 'RELEASED' }]);
    expect(await inventory.stockOf(product)).toMatchObject({ available: 7, reserved: 0, committed: 3 });
  });

  it('takes back nothing the order holds when an attempt fails on anything but a refusal', async () => {
    const [a, b, broken, order] = [aProductId(), aProductId(), aProductId(), anOrderId()];
    await inventory.restock(a, 5);
    await inventory.restock(b, 5);
    await inventory.reserve(order, [
      { productId: a, quantity: 1 },
      { productId: b, quantity: 1 },
    ]);
    // A document this adapter cannot read: the late attempt fails there, not for want of stock.
    await collection(PRODUCTS).insertOne({
      productId: broken,
      availableStock: 0,
      reservedStock: 1,
      committedStock: 0,
      reservations: [{ orderId: anOrderId(), quantity: 1, status: 'LOST' }],
    });

    const late = [a, b, broken].map((productId) => ({ productId, quantity: 1 }));
    await expect(inventory.reserve(order, late)).rejects.toThrow(/status LOST/);
    for (const product of [a, b])
      expect(await inventory.stockOf(product)).toMatchObject({ available: 4, reserved: 1 });
  });

  it('refuses to commit an order one of whose products lost its line, and moves nothing', async () => {
    const [a, b, order] = [aProductId(), aProductId(), anOrderId()];
    await inventory.restock(a, 5);
    await inventory.restock(b, 5);
    await inventory.reserve(order, [
      { productId: a, quantity: 1 },
      { productId: b, quantity: 2 },
    ]);
    // What a late attempt's undo used to do to a line another attempt held.
    await collection(PRODUCTS).updateOne(
      { productId: b },
      { $inc: { availableStock: 2, reservedStock: -2 }, $set: { reservations: [] } },
    );

    await expect(inventory.commit(order)).rejects.toMatchObject({ code: 'RESERVATION.NOT_FOUND' });
    expect(await inventory.reservationsOf(order)).toMatchObject([{ productId: a, status: 'HELD' }]);
    expect(await inventory.stockOf(a)).toMatchObject({ available: 4, reserved: 1, committed: 0 });
  });

  it('creates a single document for a product that twenty first deliveries race to create', async () => {
    const product = aProductId();
    const elsewhere = new MongoInventory(orm);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? inventory : elsewhere).restock(product, 1)),
    );

    expect(await collection(PRODUCTS).countDocuments({ productId: product })).toBe(1);
    expect(await inventory.stockOf(product)).toMatchObject({ available: 20 });
  });

  it('creates its indexes at every start without complaint', async () => {
    await ensureInventoryIndexes(orm);
    for (const name of [PRODUCTS, PRODUCT_LOCKS]) {
      const indexes = await collection(name).listIndexes().toArray();
      expect(indexes).toContainEqual(expect.objectContaining({ key: { productId: 1 }, unique: true }));
    }
  });

  it('refuses an id that is a query operator before it reaches a filter, and changes nothing', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 5);
    await inventory.reserve(order, [{ productId: product, quantity: 5 }]);
    const operator = { $ne: 'nobody' } as unknown as string;

    await expect(inventory.release(operator)).rejects.toMatchObject({ code: 'VALIDATION.INVALID_FIELD' });
    await expect(inventory.stockOf(operator)).rejects.toMatchObject({ code: 'VALIDATION.INVALID_FIELD' });
    expect(await inventory.stockOf(product)).toMatchObject({ available: 0, reserved: 5 });
  });

  it('stores ids with dollars and dots as plain values', async () => {
    const [product, order] = [`${aProductId()}.$gt`, `${anOrderId()}.$where`];
    await inventory.restock(product, 2);
    await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
    await inventory.release(order);
    expect(await inventory.reservationsOf(order)).toEqual([
      { orderId: order, productId: product, quantity: 2, status: 'RELEASED' },
    ]);
  });

  it('takes over the lock of a writer that died, once it has watched it for a lease', async () => {
    const product = aProductId();
    const waiter = new MongoInventory(orm, { leaseMs: 500 });
    // An expiresAt in the future, as a holder whose clock is ahead would write: the waiter's own
    // watch decides, not the wall clocks.
    await collection(PRODUCT_LOCKS).insertOne({
      productId: product,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(await waiter.restock(product, 1)).toMatchObject({ available: 1 });
    expect(await collection(PRODUCT_LOCKS).countDocuments({ productId: product })).toBe(0);
  });

  it('reports an unreachable server as a transient fault, which the saga retries', async () => {
    const unreachable = new MikroORM(
      mongoOrmConfig('mongodb://127.0.0.1:9/nowhere?serverSelectionTimeoutMS=200'),
    );
    const offline = new MongoInventory(unreachable);
    try {
      await expect(offline.stockOf(aProductId())).rejects.toBeInstanceOf(DependencyUnavailable);
      await expect(
        offline.reserve(anOrderId(), [{ productId: aProductId(), quantity: 1 }]),
      ).rejects.toMatchObject({
        code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE',
        dependency: 'mongodb',
      });
    } finally {
      await unreachable.close(true);
    }
  });

  it('finishes a return that died between its two writes, adding nothing twice and counting it as returned', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 10);
    await inventory.reserve(order, [{ productId: product, quantity: 3 }]);
    await inventory.commit(order);
    await inventory.returnCommitted(order);
    // As if the process died after the product's `$inc` and before the reservation was marked.
    await listOf(SETTLED_RESERVATIONS).updateOne(
      { _id: JSON.stringify([order, product]) },
      { $set: { status: 'COMMITTED' } },
    );

    const { recount } = await inventory.reconcile(product, () => null);
    expect(recount).toMatchObject({ committed: 0, level: { available: 10, committed: 0 } });
    expect((await inventory.returnCommitted(order)).map((r) => r.status)).toEqual(['RETURNED']);
    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 10,
      reserved: 0,
      committed: 0,
    });
  });
});
