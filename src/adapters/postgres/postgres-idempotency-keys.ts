import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  IdempotencyClaim,
  IdempotencyKeys,
  IdempotencyRecord,
  IdempotencyScope,
} from '../../application/ports/idempotency-keys.js';
import { IdempotencyKeyRecord } from './idempotency-key.entity.js';
import { withPostgresFaults } from './postgres-faults.js';

// Each write is one conditional statement, so concurrent requests with the same key agree on the
// first fingerprint, resource id and answer without a transaction or a lock.
export class PostgresIdempotencyKeys implements IdempotencyKeys {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  claim<T>(claim: IdempotencyClaim): Promise<IdempotencyRecord<T>> {
    const { scope, key, fingerprint, resourceId, at } = claim;
    return withPostgresFaults(async () => {
      // Twice at most: the maintenance workflow may delete an expired row between insert and read.
      for (let attempt = 0; ; attempt += 1) {
        await this.orm.em
          .fork()
          .createQueryBuilder(IdempotencyKeyRecord)
          .insert({ scope, key, fingerprint, resourceId, response: null, createdAt: at, completedAt: null })
          .onConflict(['scope', 'key'])
          .ignore()
          .execute();
        const record = await this.find(scope, key);
        if (record !== null || attempt > 0) return this.toRecord<T>(scope, key, record);
      }
    });
  }

  complete<T>(scope: IdempotencyScope, key: string, response: T, at: Date): Promise<T> {
    return withPostgresFaults(async () => {
      await this.orm.em
        .fork()
        .nativeUpdate(
          IdempotencyKeyRecord,
          { scope, key, response: null },
          { response: { ...response } as Record<string, unknown>, completedAt: at },
        );
      const kept = this.toRecord<T>(scope, key, await this.find(scope, key)).response;
      if (kept === null) throw new Error(`idempotency key ${key} has no answer after recording one`);
      return kept;
    });
  }

  // One statement: the oldest `limit` rows past their retention, found through the two time indexes.
  removeExpired(before: Date, limit: number): Promise<number> {
    return withPostgresFaults(async () => {
      const rows: { count: string }[] = await this.orm.em.fork().execute(
        `with expired as (
           select scope, key from idempotency_keys
            where completed_at < ? or (completed_at is null and created_at < ?)
            limit ?)
         , removed as (
           delete from idempotency_keys k using expired e
            where k.scope = e.scope and k.key = e.key
              and (k.completed_at < ? or (k.completed_at is null and k.created_at < ?))
           returning 1)
         select count(*) as count from removed`,
        [before, before, limit, before, before],
      );
      return Number(rows[0]?.count ?? 0);
    });
  }

  release(scope: IdempotencyScope, key: string, fingerprint: string): Promise<void> {
    return withPostgresFaults(async () => {
      await this.orm.em
        .fork()
        .nativeDelete(IdempotencyKeyRecord, { scope, key, fingerprint, response: null });
    });
  }

  private find(scope: IdempotencyScope, key: string): Promise<IdempotencyKeyRecord | null> {
    return this.orm.em.fork().findOne(IdempotencyKeyRecord, { scope, key });
  }

  private toRecord<T>(
    scope: IdempotencyScope,
    key: string,
    record: IdempotencyKeyRecord | null,
  ): IdempotencyRecord<T> {
    if (record === null) throw new Error(`idempotency key ${scope}/${key} was never claimed`);
    // Written only by complete(), from the answer of this scope's use-case.
    const response = record.response as T | null;
    return { key, fingerprint: record.fingerprint, resourceId: record.resourceId ?? null, response };
  }
}
