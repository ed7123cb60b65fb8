import {
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { DependencyUnavailable, TransientFault } from '../../application/transient-fault.js';

// The saga retries a transient fault and compensates on a domain error, so an outage must never
// surface as either a domain error or an unclassified crash.
export async function guardMongo<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isOutage(error)) throw new DependencyUnavailable('mongodb', { cause: error });
    throw error;
  }
}

function isOutage(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    // A write under a product's lock given up at the lease's deadline (product-lease.ts).
    error instanceof MongoOperationTimeoutError ||
    // The driver labels the server's own "not now" answers (stepping down, shutting down) this way.
    (error instanceof MongoError && error.hasErrorLabel('RetryableWriteError'))
  );
}

// Every conditional update that misses re-reads and tries again; only writers that keep beating this
// one to the same product exhaust the attempts, and a retry of the whole (idempotent) step is then safe.
export const MAX_ATTEMPTS = 25;

export function contended(productId: string): TransientFault {
  return new TransientFault(
    'TRANSIENT.CONCURRENT_MODIFICATION',
    `Stock of ${productId} kept changing under ${MAX_ATTEMPTS} attempts`,
  );
}

// A unique index refused an insert or upsert: how a lock is found taken, and how the loser of two racing
// upserts of one `_id` learns that the other one won.
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
