import { createHash } from 'node:crypto';
import { isDomainError } from '../domain/shared/domain-error.js';
import { IdempotencyKeyReused, isApplicationError } from './application-error.js';
import type { Clock } from './ports/clock.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { IdempotencyKeys, IdempotencyScope } from './ports/idempotency-keys.js';

export interface Dependencies {
  readonly idempotencyKeys: IdempotencyKeys;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface Once<T> {
  readonly output: T;
  // True when the answer is the one given to an earlier request with the same key.
  readonly replayed: boolean;
}

export interface KeyedRequest {
  readonly scope: IdempotencyScope;
  readonly key: string;
  readonly fingerprint: string;
}

// How every use-case runs under an Idempotency-Key. The claim comes first and fixes the id of what the
// request creates (`resourceId`), so however often and however concurrently the request is sent, `run`
// always works on that one id, and must itself be idempotent per id: a request that died after `run`
// changed something but before its answer was recorded is finished by its retry, never done twice.
// The stored fingerprint tells a retry from a different request; the stored answer is replayed word for
// word. A refusal (a thrown error) is not remembered, so the same request may pass later.
// Once the key is forgotten (its retention, counted from its answer, ran out), it is a new key: a new
// resource id, so a new order or restock, never the old one's answer nor a clash with its id.
export async function runOnce<T>(
  deps: Dependencies,
  request: KeyedRequest,
  run: (resourceId: string | null) => Promise<T>,
): Promise<Once<T>> {
  const { scope, key, fingerprint } = request;
  const claim = { scope, key, fingerprint, resourceId: deps.ids.next(), at: deps.clock.now() };
  const record = await deps.idempotencyKeys.claim<T>(claim);
  if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
  if (record.response !== null) return { output: record.response, replayed: true };
  const output = await run(record.resourceId).catch(async (error: unknown) => {
    if (isDomainError(error) || isApplicationError(error))
      await deps.idempotencyKeys.release(scope, key, fingerprint);
    throw error;
  });
  const kept = await deps.idempotencyKeys.complete(scope, key, output, deps.clock.now());
  return { output: kept, replayed: false };
}

// The SHA-256 of a request's canonical JSON (the caller fixes its field order).
export function fingerprintOf(canonical: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
