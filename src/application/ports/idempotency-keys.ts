// Remembers, per Idempotency-Key and scope, a fingerprint of the request first sent with it, the id of
// what that request creates and, once answered, its answer: a retry gets the same answer, a different
// request with the key is refused. Keys are forgotten a retention after their answer (see removeExpired).

// Each kind of request has keys of its own: an order's key never answers a restock.
export type IdempotencyScope = 'orders' | 'restocks' | 'customers';

export interface IdempotencyClaim {
  readonly scope: IdempotencyScope;
  readonly key: string;
  readonly fingerprint: string;
  // The id the request will create its order or restock under; the first claim's stays, so every retry
  // of the key uses it, and a use of the key after it was forgotten gets a new one.
  readonly resourceId: string;
  readonly at: Date;
}

export interface IdempotencyRecord<T> {
  readonly key: string;
  readonly fingerprint: string;
  // null only for order keys claimed before resource ids were stored: their order id is the key's hash.
  readonly resourceId: string | null;
  // null until the first request with the key has been answered.
  readonly response: T | null;
}

export interface IdempotencyKeys {
  // Atomically stores the claim unless the key is known in its scope, and returns the stored record
  // either way: its fingerprint and resource id are those of whichever request got there first.
  claim<T>(claim: IdempotencyClaim): Promise<IdempotencyRecord<T>>;
  // Records the answer to the key's request and returns the answer that stays: the first one recorded.
  // `at` starts the key's retention.
  complete<T>(scope: IdempotencyScope, key: string, response: T, at: Date): Promise<T>;
  // Forgets at most `limit` keys answered before `before`, and keys claimed before it that were never
  // answered (their request died); returns how many.
  removeExpired(before: Date, limit: number): Promise<number>;
  // Forgets a claim that has no answer yet, if it is still this fingerprint's: the request was refused,
  // so the key stays free for the corrected request. A key with an answer is never forgotten this way.
  release(scope: IdempotencyScope, key: string, fingerprint: string): Promise<void>;
}
