import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection, ObjectId } from 'mongodb';
import { TransientFault } from '../../application/transient-fault.js';
import { isDuplicateKey } from './mongo-faults.js';

export const PRODUCT_LOCKS = 'product_locks';

export interface ProductLockDocument {
  readonly _id?: ObjectId;
  readonly productId: string;
  readonly expiresAt: Date;
}

export function productLocksIn(orm: MikroORM): Collection<ProductLockDocument> {
  return orm.em.getConnection().getCollection<ProductLockDocument>(PRODUCT_LOCKS);
}

// Far above the few round trips a holder needs; also how long a crashed holder keeps the product.
const LEASE_MS = 10_000;
const WAIT_MS = 10_000;

// FerretDB 1.x runs every update as a read, a change in Go and a write back by _id, with nothing in
// between: two conditional updates of one document can both match and the last write wins (50
// concurrent `$inc: 1` leave +21). Its unique indexes are real SQLite constraints, though, so a lock
// document per product, taken by insert, lets one writer at a time change a product, across processes.
// On MongoDB the conditional updates are enough on their own and the lock only costs two round trips.
export class ProductLocks {
  private readonly orm: MikroORM;
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  // Writers of one product in this process queue here, so that only writers of other processes poll.
  around<T>(productId: string, work: () => Promise<T>): Promise<T> {
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

  private async whileLocked<T>(productId: string, work: () => Promise<T>): Promise<T> {
    const lock = await this.acquire(productId);
    try {
      return await work();
    } finally {
      // A lock left behind by a failed delete frees itself when its lease runs out.
      await this.locks.deleteOne({ _id: lock }).catch(() => undefined);
    }
  }

  // Each lock has an _id of its own, so that freeing an expired lock can never delete its successor.
  private async acquire(productId: string): Promise<ObjectId> {
    const deadline = Date.now() + WAIT_MS;
    for (let attempt = 0; ; attempt += 1) {
      try {
        const expiresAt = new Date(Date.now() + LEASE_MS);
        return (await this.locks.insertOne({ productId, expiresAt })).insertedId;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      await this.locks.deleteOne({ productId, expiresAt: { $lt: new Date() } });
      if (Date.now() > deadline) {
        const message = `Stock of ${productId} stayed locked for ${WAIT_MS} ms`;
        throw new TransientFault('TRANSIENT.CONCURRENT_MODIFICATION', message);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));
    }
  }
}
