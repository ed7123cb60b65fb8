import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import type { StallingProxy } from '../support/stalling-proxy.js';
import { anOrderId, aProductId } from './inventory-subject.js';
import { type LateWriteInventories, startLateWriteInventories } from './late-write-inventories.js';

// A process whose write to a product is held up past its lock's lease (the network, a database that
// stopped answering for a while, a driver queueing the write until the server is back), while another
// process takes the lock over: the late write must change nothing once it arrives.
describe('MongoInventory when a write arrives after its lock ran out', () => {
  let subject: LateWriteInventories;
  let proxy: StallingProxy;
  let inventory: MongoInventory;
  let stale: MongoInventory;
  beforeAll(async () => {
    subject = await startLateWriteInventories();
    ({ proxy, inventory, stale } = subject);
  });
  afterAll(() => subject?.close());
  beforeEach(() => proxy.release());

  it('holds nothing for an order released while its reserve was on its way to the product', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 5);
    const held = proxy.holdNext('$push');
    const late = stale.reserve(order, [{ productId: product, quantity: 1 }]).catch((error) => error);
    await held;

    // The saga gave up on that attempt and compensated: the release takes the product over.
    expect(await inventory.release(order)).toEqual([]);
    proxy.release();
    await late;

    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 5,
      reserved: 0,
      committed: 0,
    });
    expect(await inventory.reservationsOf(order)).toEqual([]);
  });

  it('holds nothing more for an order committed while a retry of its reserve was on its way', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    await inventory.restock(product, 5);
    const held = proxy.holdNext('$push');
    const late = stale.reserve(order, [{ productId: product, quantity: 2 }]).catch((error) => error);
    await held;

    // Another attempt of the same step holds the line, and the saga goes on to commit it.
    await inventory.reserve(order, [{ productId: product, quantity: 2 }]);
    await inventory.commit(order);
    proxy.release();
    await late;

    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 3,
      reserved: 0,
      committed: 2,
    });
    expect(await inventory.reservationsOf(order)).toMatchObject([{ status: 'COMMITTED', quantity: 2 }]);
  });
});
