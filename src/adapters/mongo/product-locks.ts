import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection, ObjectId } from 'mongodb';
import { TransientFault } from '../../application/transient-fault.js';
import { isDuplicateKey } from './mongo-faults.js';
import { ProductLease } from './product-lease.js';
import { productsIn } from './product-stock-document.js';

export const PRODUCT_LOCKS = 'product_locks';

export interface ProductLockDocument {
  readonly _id?: ObjectId;
  readonly productId: string;
  readonly expiresAt: Date;
  // Set by a maintenance run; a lock still there at the next run was abandoned (settled-retention.ts).
  readonly seenByMaintenance?: boolean;
}

export function productLocksIn(orm: MikroORM): Collection<ProductLockDocument> {
  return orm.em.getConnection().getCollection<ProductLockDocument>(PRODUCT_LOCKS);
}

// Far above the few round trips a holder needs (it stops writing after half of it); also how long a
// waiter watches a lock before it takes it from a holder that must have died.
export const LEASE_MS = 10_000;

// FerretDB 1.x runs every update as a read, a change in Go and a write back by _id, with nothing in
// between: two conditional updates of one document can both match and the last write wins (50
// concurrent `$inc: 1` leave +21). Its unique indexes are real SQLite constraints, though, so a lock
// document per product, taken by insert, lets one writer at a time change a product, across processes.
// On MongoDB the conditional updates are enough on their own and the lock only costs a few round trips.
// A holder gets a ProductLease (product-lease.ts): what keeps its writes from landing after it lost it.
export class ProductLocks {
  private readonly orm: MikroORM;
  private readonly leaseMs: number;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(orm: MikroORM, leaseMs = LEASE_MS) {
    this.orm = orm;
    this.leaseMs = leaseMs;
  }

  // Writers of one product in this process queue here, so that only writers of other processes poll.
  around<T>(productId: string, work: (lease: ProductLease) => Promise<T>): Promise<T> {
    const mine = (this.queues.get(productId) ?? Promise.resolve()).then(() =>
      this.whileLocked(productId, work),
    );
    const tail = mine.catch(() => undefined);
    this.queues.set(productId, tail);
    void tail.then(() => {
      if (this.queues.get(productId) === tail) this.queues.delete(productId);
    });
    return mine;
  }

  private get locks(): Collection<ProductLockDocument> {
    return productLocksIn(this.orm);
  }

  private async whileLocked<T>(productId: string, work: (lease: ProductLease) => Promise<T>): Promise<T> {
    const lease = await this.acquire(productId);
    try {
      // Before anything is read: from now on a write of an earlier holder matches nothing.
      await productsIn(this.orm).updateOne({ productId }, { $set: { fence: lease.fence } }, lease.write());
      return await work(lease);
    } finally {
      // A lock left behind by a failed delete is taken over once a waiter has watched it for a lease.
      await this.locks.deleteOne({ _id: lease.fence }).catch(() => undefined);
    }
  }

  // Each lock has an _id of its own: the holder's fence, and what a waiter watches. A waiter takes a
  // lock over only once it has seen that same lock for a whole lease on its own monotonic clock, never
  // by comparing wall clocks (expiresAt is for people reading the collection): a clock that jumps, here
  // or on the holder's machine, cannot shorten a lease. The holder stops writing after half of it.
  private async acquire(productId: string): Promise<ProductLease> {
    const giveUpAt = performance.now() + 2 * this.leaseMs;
    let watched: { readonly id: ObjectId; readonly since: number } | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const asked = performance.now();
      try {
        const expiresAt = new Date(Date.now() + this.leaseMs);
        const { insertedId } = await this.locks.insertOne({ productId, expiresAt });
        return new ProductLease(productId, insertedId, asked + this.leaseMs / 2);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const current = await this.locks.findOne({ productId });
      if (current !== null && watched?.id.equals(current._id) !== true)
        watched = { id: current._id, since: performance.now() };
      else if (current !== null && watched !== undefined && performance.now() - watched.since >= this.leaseMs)
        await this.locks.deleteOne({ _id: current._id });
      if (performance.now() > giveUpAt) {
        const message = `Stock of ${productId} stayed locked for ${2 * this.leaseMs} ms`;
        throw new TransientFault('TRANSIENT.CONCURRENT_MODIFICATION', message);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
    }
  }
}
