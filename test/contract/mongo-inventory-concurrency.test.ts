import type { MikroORM } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import type { StockLine } from '../../src/application/ports/inventory.js';
import { InsufficientStock } from '../../src/domain/stock/stock-errors.js';
import { anOrderId, aProductId } from './inventory-subject.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

const ORDERS = 50;

describe('MongoInventory under concurrent orders', () => {
  let orm: MikroORM;
  let otherOrm: MikroORM;
  let inventory: MongoInventory;
  // Another worker process, as far as the database can tell: its own connections and its own queues.
  let elsewhere: MongoInventory;
  beforeAll(async () => {
    [orm, otherOrm] = await Promise.all([startMongoOrm(), startMongoOrm()]);
    inventory = new MongoInventory(orm);
    elsewhere = new MongoInventory(otherOrm);
  });
  afterAll(() => Promise.all([stopMongoOrm(orm), stopMongoOrm(otherOrm)]));

  // Every order at once, each on its own promise, as many saga activities would send them.
  async function reserveAtOnce(linesOf: () => StockLine[], inventories = [inventory]) {
    const orders = Array.from({ length: ORDERS }, anOrderId);
    const outcomes = await Promise.allSettled(
      orders.map((order, i) => (inventories[i % inventories.length] ?? inventory).reserve(order, linesOf())),
    );
    const held = orders.filter((_, i) => outcomes[i]?.status === 'fulfilled');
    const refusals = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    const refused = orders.filter((_, i) => outcomes[i]?.status === 'rejected');
    return { held, refused, refusals };
  }

  it('lets exactly 20 of 50 one-unit orders have the 20 in stock, and refuses the other 30', async () => {
    const product = aProductId();
    await inventory.restock(product, 20);

    const { held, refused, refusals } = await reserveAtOnce(() => [{ productId: product, quantity: 1 }]);

    expect(held).toHaveLength(20);
    expect(refusals).toHaveLength(30);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(InsufficientStock);
      expect(refusal).toMatchObject({ code: 'STOCK.INSUFFICIENT', productId: product });
    }
    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 0,
      reserved: 20,
      committed: 0,
    });
    for (const order of refused) expect(await inventory.reservationsOf(order)).toEqual([]);
  });

  it('hands out exactly the 20 in stock when the 50 orders come through two processes', async () => {
    const product = aProductId();
    await inventory.restock(product, 20);

    const { held, refusals } = await reserveAtOnce(
      () => [{ productId: product, quantity: 1 }],
      [inventory, elsewhere],
    );

    expect(held).toHaveLength(20);
    expect(refusals.every((refusal) => refusal instanceof InsufficientStock)).toBe(true);
    expect(await elsewhere.stockOf(product)).toEqual({
      productId: product,
      available: 0,
      reserved: 20,
      committed: 0,
    });
  });

  it('gives orders of two lines both or neither, and conserves the stock of each product', async () => {
    const [a, b] = [aProductId(), aProductId()];
    await inventory.restock(a, 20);
    await inventory.restock(b, 15);

    const { held, refused, refusals } = await reserveAtOnce(() => [
      { productId: a, quantity: 1 },
      { productId: b, quantity: 1 },
    ]);

    // b runs out first; lines of a taken by orders that then fail on b are given back.
    expect(held).toHaveLength(15);
    expect(refusals).toHaveLength(35);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'STOCK.INSUFFICIENT' });
    expect(await inventory.stockOf(a)).toEqual({ productId: a, available: 5, reserved: 15, committed: 0 });
    expect(await inventory.stockOf(b)).toEqual({ productId: b, available: 0, reserved: 15, committed: 0 });
    for (const order of refused) expect(await inventory.reservationsOf(order)).toEqual([]);
    for (const order of held) expect(await inventory.reservationsOf(order)).toHaveLength(2);
  });

  it('holds an order once when ten retries of its reserve run at the same time', async () => {
    const [a, b] = [aProductId(), aProductId()];
    await inventory.restock(a, 5);
    await inventory.restock(b, 5);
    const order = anOrderId();
    const lines = [
      { productId: a, quantity: 2 },
      { productId: b, quantity: 3 },
    ];

    await Promise.all(Array.from({ length: 10 }, () => inventory.reserve(order, lines)));

    expect(await inventory.stockOf(a)).toMatchObject({ available: 3, reserved: 2 });
    expect(await inventory.stockOf(b)).toMatchObject({ available: 2, reserved: 3 });
    expect(await inventory.reservationsOf(order)).toHaveLength(2);
  });

  it('puts stock back once when ten releases of one order race, next to other orders moving', async () => {
    const product = aProductId();
    await inventory.restock(product, 30);
    // 5 held by the order released ten times, 10 by two others released, 10 by two committed.
    const [released, ...others] = Array.from({ length: 5 }, anOrderId);
    for (const order of [released ?? '', ...others])
      await inventory.reserve(order, [{ productId: product, quantity: 5 }]);

    await Promise.all([
      ...Array.from({ length: 10 }, () => inventory.release(released ?? '')),
      ...others.map((order, i) => (i % 2 === 0 ? inventory.commit(order) : inventory.release(order))),
    ]);

    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 20,
      reserved: 0,
      committed: 10,
    });
  });

  it('leaves nothing held when late reserves race the releases of their orders from another process', async () => {
    const product = aProductId();
    await inventory.restock(product, 40);
    const orders = Array.from({ length: 20 }, anOrderId);

    await Promise.allSettled(
      orders.flatMap((order) => [
        elsewhere.reserve(order, [{ productId: product, quantity: 2 }]),
        inventory.release(order),
      ]),
    );

    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 40,
      reserved: 0,
      committed: 0,
    });
  });

  it('lets one of a release and a commit racing on one order win, never both', async () => {
    const product = aProductId();
    await inventory.restock(product, 4);
    const order = anOrderId();
    await inventory.reserve(order, [{ productId: product, quantity: 4 }]);

    await Promise.allSettled([inventory.release(order), inventory.commit(order)]);

    const [reservation] = await inventory.reservationsOf(order);
    const level = await inventory.stockOf(product);
    expect(level.available + level.reserved + level.committed).toBe(4);
    expect(level.reserved).toBe(0);
    expect(reservation?.status === 'RELEASED' ? level.available : level.committed).toBe(4);
  });
});
