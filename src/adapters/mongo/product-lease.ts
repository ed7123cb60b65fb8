import type { ObjectId } from 'mongodb';
import { TransientFault } from '../../application/transient-fault.js';

// One holding of a product's lock, as its holder sees it. A lock only excludes writers whose writes
// reach the database while it holds; a write can be late (queued by the driver until a restarted server
// is back, stuck in the network, read by a server that had stopped), and by then another process may
// have taken the product over. Two guards, so that it changes nothing then:
// - deadline: no write is sent once half the lease is gone. Measured on this process's monotonic clock,
//   from before the lock was asked for, so that a wall clock that jumps cannot stretch it; the driver
//   gives up on a write (server selection included) rather than send it later (`timeoutMS`).
// - fence: the next holder writes its own fence into the product before it reads it, and every write
//   of this holder to the product matches only the fence it wrote, so a late one matches nothing.
//   On MongoDB that is enough alone. FerretDB 1.x applies two updates that it runs at the same moment
//   as read, change, write back (product-locks.ts), so there the deadline keeps a late write from being
//   run beside the next holder's, and the fence catches the late writes that arrive after it.
export class ProductLease {
  readonly productId: string;
  readonly fence: ObjectId;
  private readonly deadline: number;

  constructor(productId: string, fence: ObjectId, deadline: number) {
    this.productId = productId;
    this.fence = fence;
    this.deadline = deadline;
  }

  // The product as long as it is still this holder's: what every write to it filters on.
  get mine(): { readonly productId: string; readonly fence: ObjectId } {
    return { productId: this.productId, fence: this.fence };
  }

  // Options for a write under the lease: refused outright once the deadline has passed.
  write(): { timeoutMS: number } {
    const left = Math.floor(this.deadline - performance.now());
    if (left <= 0) throw this.lost('its lease ran out');
    return { timeoutMS: left };
  }

  // The product's document as read holds another fence: a later holder took it over.
  assertHeld(document: { readonly fence?: ObjectId } | null): void {
    if (document !== null && document.fence?.equals(this.fence) !== true)
      throw this.lost('another process took it over');
  }

  lost(why: string): TransientFault {
    return new TransientFault(
      'TRANSIENT.CONCURRENT_MODIFICATION',
      `Lost the lock of ${this.productId}: ${why}`,
    );
  }
}
