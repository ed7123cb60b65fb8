import type { PlaceOrderOutput } from '../place-order.js';

// Remembers, per Idempotency-Key, a fingerprint of the request first sent with it and, once placed,
// the answer that request got: a retry gets the same answer, a different request with the key is refused.
export interface IdempotencyRecord {
  readonly key: string;
  readonly fingerprint: string;
  // null until the first request with the key has been answered.
  readonly response: PlaceOrderOutput | null;
}

export interface IdempotencyKeys {
  // Atomically stores the key with this fingerprint unless the key is known, and returns the stored
  // record either way: its fingerprint is that of whichever request got there first.
  claim(key: string, fingerprint: string): Promise<IdempotencyRecord>;
  // Records the answer to the key's request and returns the answer that stays: the first one recorded.
  complete(key: string, response: PlaceOrderOutput): Promise<PlaceOrderOutput>;
  // Forgets a claim that has no answer yet, if it is still this fingerprint's: the request was refused,
  // so the key stays free for the corrected request. A key with an answer is never forgotten.
  release(key: string, fingerprint: string): Promise<void>;
}
