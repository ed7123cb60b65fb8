import type {
  IdempotencyClaim,
  IdempotencyKeys,
  IdempotencyRecord,
  IdempotencyScope,
} from '../../application/ports/idempotency-keys.js';

interface Stored {
  readonly record: IdempotencyRecord<unknown>;
  readonly claimedAt: Date;
  readonly completedAt: Date | null;
}

export class InMemoryIdempotencyKeys implements IdempotencyKeys {
  private readonly stored = new Map<string, Stored>();

  async claim<T>(claim: IdempotencyClaim): Promise<IdempotencyRecord<T>> {
    const id = idOf(claim.scope, claim.key);
    const known = this.stored.get(id);
    if (known !== undefined) return known.record as IdempotencyRecord<T>;
    const { key, fingerprint, resourceId } = claim;
    const record = { key, fingerprint, resourceId, response: null };
    this.stored.set(id, { record, claimedAt: claim.at, completedAt: null });
    return record;
  }

  async complete<T>(scope: IdempotencyScope, key: string, response: T, at: Date): Promise<T> {
    const known = this.stored.get(idOf(scope, key));
    if (known === undefined) throw new Error(`idempotency key ${key} was never claimed`);
    if (known.record.response !== null) return known.record.response as T;
    const record = { ...known.record, response: structuredClone(response) };
    this.stored.set(idOf(scope, key), { ...known, record, completedAt: at });
    return response;
  }

  async removeExpired(before: Date, limit: number): Promise<number> {
    let removed = 0;
    for (const [id, { claimedAt, completedAt }] of this.stored) {
      if (removed >= limit) break;
      if ((completedAt ?? claimedAt) >= before) continue;
      this.stored.delete(id);
      removed += 1;
    }
    return removed;
  }

  async release(scope: IdempotencyScope, key: string, fingerprint: string): Promise<void> {
    const id = idOf(scope, key);
    const known = this.stored.get(id);
    if (known !== undefined && known.record.response === null && known.record.fingerprint === fingerprint)
      this.stored.delete(id);
  }
}

function idOf(scope: IdempotencyScope, key: string): string {
  return JSON.stringify([scope, key]);
}
