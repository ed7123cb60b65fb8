import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { TransientFault } from '../../src/application/transient-fault.js';
import { driftOf } from '../../src/domain/stock/stock-recount.js';
import type { StallingProxy } from '../support/stalling-proxy.js';
import { anOrderId, aProductId } from './inventory-subject.js';
import {
  type LateWriteInventories,
  type ProxiedInventory,
  startLateWriteInventories,
  startProxiedInventory,
} from './late-write-inventories.js';

// A process whose write to a product is held up past its lock's lease (the network, a database that
// stopped answering for a while, a driver queueing the write until the server is back), while another
// process takes the lock over: the late write must change nothing once it arrives.
describe('MongoInventory when a write arrives after its lock ran out', () => {
  let subject: LateWriteInventories;
  let proxy: StallingProxy;
  let inventory: MongoInventory;
  let stale: MongoInventory;
  // A third process, whose own writes can be held back too.
  let slow: ProxiedInventory;
  beforeAll(async () => {
    subject = await startLateWriteInventories();
    ({ proxy, inventory, stale } = subject);
    slow = await startProxiedInventory();
  });
  afterAll(async () => {
    await slow?.close();
    await subject?.close();
  });
  beforeEach(() => {
    proxy.release();
    slow.proxy.release();
  });

  // Five units of a new product, and a reserve of the stale process whose `$push` is held on the wire;
  // `late` settles once the held write is let through (or the reserve gives up), with its error if any.
  async function reserveHeldOnTheWire(product: string, order: string, quantity: number) {
    await inventory.restock(product, 5);
    const held = proxy.holdNext('$push');
    const late = stale.reserve(order, [{ productId: product, quantity }]).catch((error: unknown) => error);
    await held;
    return { late };
  }

  async function driftNow(product: string) {
    const { recount } = await inventory.reconcile(product, () => null);
    return recount === null ? null : driftOf(recount);
  }

  it('holds nothing for an order released while its reserve was on its way to the product', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    const { late } = await reserveHeldOnTheWire(product, order, 1);

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
    const { late } = await reserveHeldOnTheWire(product, order, 2);

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

  // What a starved process does (seen once in CI, with the seeded stress test): the release settles the
  // order, takes the lock, and its lease runs out before its fence reaches the product. Nobody has fenced
  // the product since the reserve's holder, so that reserve's late write still matches when it lands:
  // the order is settled and holds stock. The release failed with a transient fault, so the saga runs it
  // again, and the retry releases what landed.
  it('releases a late reserve that landed while the first release had lost its lease, on the retry', async () => {
    const [product, order] = [aProductId(), anOrderId()];
    const { late } = await reserveHeldOnTheWire(product, order, 2);
    const fenceHeld = slow.proxy.holdNext('fence');
    const release = slow.inventory.release(order).catch((error) => error);
    await fenceHeld;
    expect(await release).toBeInstanceOf(TransientFault);

    proxy.release();
    await late;
    await expect.poll(() => inventory.reservationsOf(order)).toMatchObject([{ status: 'HELD', quantity: 2 }]);
    // The first release's fence arrives last, and changes nothing but the fence.
    slow.proxy.release();
    expect(await driftNow(product)).toEqual({
      productId: product,
      reserved: 0,
      committed: 0,
      stranded: 2,
    });

    expect(await slow.inventory.release(order)).toMatchObject([{ status: 'RELEASED', quantity: 2 }]);
    expect(await driftNow(product)).toEqual({
      productId: product,
      reserved: 0,
      committed: 0,
      stranded: 0,
    });
    expect(await inventory.stockOf(product)).toEqual({
      productId: product,
      available: 5,
      reserved: 0,
      committed: 0,
    });
  });
});
