import type { MikroORM } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { productsIn } from '../../src/adapters/mongo/product-stock-document.js';
import { restocksIn } from '../../src/adapters/mongo/restocks.js';
import { aProductId } from './inventory-subject.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

// A restock with an id adds its units once, however it is retried and wherever the last try died.
describe('MongoInventory.restock with a restock id', () => {
  let orm: MikroORM;
  let otherOrm: MikroORM;
  let inventory: MongoInventory;
  // Another API process, as far as the database can tell: its own connections and its own queues.
  let elsewhere: MongoInventory;
  // What a restock leaves that died after its one write to the product and before marking it added.
  async function addedButNotMarked(productId: string, quantity: number, restockId: string) {
    await productsIn(orm).updateOne(
      { productId },
      {
        $inc: { availableStock: quantity },
        $set: { lastRestockId: restockId },
        $setOnInsert: { reservedStock: 0, committedStock: 0 },
      },
      { upsert: true },
    );
  }

  beforeAll(async () => {
    [orm, otherOrm] = await Promise.all([startMongoOrm(), startMongoOrm()]);
    inventory = new MongoInventory(orm);
    elsewhere = new MongoInventory(otherOrm);
  });
  afterAll(() => Promise.all([stopMongoOrm(orm), stopMongoOrm(otherOrm)]));

  const available = async (product: string) => (await inventory.stockOf(product)).available;

  it('adds once when called again with the same id, and again with another id', async () => {
    const product = aProductId();
    await inventory.restock(product, 5, `${product}-a`);
    await inventory.restock(product, 5, `${product}-a`);
    await inventory.restock(product, 5, `${product}-b`);
    expect(await available(product)).toBe(10);
  });

  it('adds once when the same id arrives many times at once, from two processes', async () => {
    const product = aProductId();
    await inventory.restock(product, 1);
    const both = [inventory, elsewhere];
    await Promise.all(Array.from({ length: 10 }, (_, i) => both[i % 2]?.restock(product, 7, `${product}-x`)));
    expect(await available(product)).toBe(8);
  });

  it('finishes a restock that died after recording its id but before adding: the retry adds', async () => {
    const product = aProductId();
    await inventory.restock(product, 1, `${product}-before`);
    const at = new Date();
    await restocksIn(orm).insertOne({
      _id: `${product}-r`,
      productId: product,
      quantity: 4,
      at,
      added: false,
    });
    await inventory.restock(product, 4, `${product}-r`);
    expect(await available(product)).toBe(5);
  });

  it('finishes a restock that died after adding but before marking it added: the retry adds nothing', async () => {
    const product = aProductId();
    const at = new Date();
    await restocksIn(orm).insertOne({
      _id: `${product}-r`,
      productId: product,
      quantity: 4,
      at,
      added: false,
    });
    await addedButNotMarked(product, 4, `${product}-r`);
    await inventory.restock(product, 4, `${product}-r`);
    expect(await available(product)).toBe(4);
  });

  it('tells a restock added before another one from one never added, once the other went through', async () => {
    const product = aProductId();
    const at = new Date();
    const restocks = restocksIn(orm);
    // r1 was added and died before it was marked; r2 was recorded and died before adding.
    await restocks.insertOne({ _id: `${product}-r1`, productId: product, quantity: 3, at, added: false });
    await addedButNotMarked(product, 3, `${product}-r1`);
    await restocks.insertOne({ _id: `${product}-r2`, productId: product, quantity: 2, at, added: false });
    await inventory.restock(product, 10, `${product}-r3`);
    await inventory.restock(product, 3, `${product}-r1`);
    await inventory.restock(product, 2, `${product}-r2`);
    expect(await available(product)).toBe(15);
  });

  it('refuses an id already used for another product or quantity', async () => {
    const product = aProductId();
    await inventory.restock(product, 5, `${product}-a`);
    await expect(inventory.restock(product, 6, `${product}-a`)).rejects.toThrow(/was 5 of/);
    expect(await available(product)).toBe(5);
  });
});
