import type { MikroORM } from '@mikro-orm/postgresql';
import type { PlaceOrderOutput } from '../../application/place-order.js';
import type { IdempotencyKeys, IdempotencyRecord } from '../../application/ports/idempotency-keys.js';
import { IdempotencyKeyRecord } from './idempotency-key.entity.js';
import { withPostgresFaults } from './postgres-faults.js';

// Each write is one conditional statement, so concurrent requests with the same key agree on the
// first fingerprint and the first answer without a transaction or a lock.
export class PostgresIdempotencyKeys implements IdempotencyKeys {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  claim(key: string, fingerprint: string): Promise<IdempotencyRecord> {
    return withPostgresFaults(async () => {
      const em = this.orm.em.fork();
      await em
        .createQueryBuilder(IdempotencyKeyRecord)
        .insert({ key, fingerprint, response: null, createdAt: new Date() })
        .onConflict('key')
        .ignore()
        .execute();
      const record = await this.find(key);
      return { key, fingerprint: record.fingerprint, response: record.response };
    });
  }

  complete(key: string, response: PlaceOrderOutput): Promise<PlaceOrderOutput> {
    return withPostgresFaults(async () => {
      await this.orm.em
        .fork()
        .nativeUpdate(IdempotencyKeyRecord, { key, response: null }, { response: { ...response } });
      const kept = (await this.find(key)).response;
      if (kept === null) throw new Error(`idempotency key ${key} has no answer after recording one`);
      return kept;
    });
  }

  release(key: string, fingerprint: string): Promise<void> {
    return withPostgresFaults(async () => {
      await this.orm.em.fork().nativeDelete(IdempotencyKeyRecord, { key, fingerprint, response: null });
    });
  }

  private async find(key: string): Promise<{ fingerprint: string; response: PlaceOrderOutput | null }> {
    const record = await this.orm.em.fork().findOne(IdempotencyKeyRecord, key);
    if (record === null) throw new Error(`idempotency key ${key} was never claimed`);
    // Written only by complete(), from a PlaceOrderOutput.
    return { fingerprint: record.fingerprint, response: record.response as PlaceOrderOutput | null };
  }
}
