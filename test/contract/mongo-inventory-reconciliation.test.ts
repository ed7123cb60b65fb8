import type { MikroORM } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { productsIn } from '../../src/adapters/mongo/product-stock-document.js';
import { settledReservationsIn } from '../../src/adapters/mongo/settled-reservations.js';
import { provableRepair } from '../../src/domain/stock/stock-recount.js';
import { anOrderId, aProductId } from './inventory-subject.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

// What only the Mongo adapter can show: reservations whose order or move the documents tell apart.
describe('MongoInventory reconciliation', () => {
  let orm: MikroORM;
  let inventory: MongoInventory;
  beforeAll(async () => {
    orm = await startMongoOrm();
    inventory = new MongoInventory(orm);
  });
  afterAll(() => stopMongoOrm(orm));

  it('counts a HELD reservation of a released order as stranded, and leaves it for a person', async () => {
    const [productId, order] = [aProductId(), anOrderId()];
    await inventory.restock(productId, 5);
    await inventory.reserve(order, [{ productId, quantity: 2 }]);
    await inventory.release(order);
    // What a reserve's write that arrived after the release left, before writes were fenced.
    await productsIn(orm).updateOne(
      { productId },
      {
        $inc: { availableStock: -2, reservedStock: 2 },
        $push: { reservations: { orderId: order, quantity: 2, status: 'HELD' } },
      },
    );

    const result = await inventory.reconcile(productId, provableRepair);

    expect(result).toMatchObject({ recount: { held: 0, stranded: 2, committed: 0 }, repaired: null });
    expect(await inventory.stockOf(productId)).toMatchObject({ available: 3, reserved: 2 });
  });

  it('leaves a product alone while a move of one of its orders is half done', async () => {
    const [productId, order] = [aProductId(), anOrderId()];
    await inventory.restock(productId, 5);
    await inventory.reserve(order, [{ productId, quantity: 2 }]);
    // The commit wrote the ended reservation and died before the product; reserved drifted besides.
    await settledReservationsIn(orm).insertOne({
      _id: JSON.stringify([order, productId]),
      orderId: order,
      productId,
      quantity: 2,
      status: 'COMMITTED',
    });
    await productsIn(orm).updateOne({ productId }, { $inc: { availableStock: -1, reservedStock: 1 } });

    const result = await inventory.reconcile(productId, provableRepair);

    expect(result).toMatchObject({
      recount: { held: 2, committed: 0, unfinishedMoves: 1 },
      repaired: null,
    });
    expect(await inventory.commit(order)).toMatchObject([{ status: 'COMMITTED', quantity: 2 }]);
    expect(await inventory.stockOf(productId)).toMatchObject({ available: 2, reserved: 1, committed: 2 });
  });
});
