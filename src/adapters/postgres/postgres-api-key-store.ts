import type { MikroORM } from '@mikro-orm/postgresql';
import { isScope } from '../../application/caller.js';
import type { ApiKeyStore, StoredApiKey } from '../../application/ports/api-key-store.js';
import { ApiKeyRecord } from './api-key.entity.js';
import { withPostgresFaults } from './postgres-faults.js';

export class PostgresApiKeyStore implements ApiKeyStore {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  findByHash(secretHash: string): Promise<StoredApiKey | null> {
    return withPostgresFaults(async () => {
      const record = await this.orm.em.fork().findOne(ApiKeyRecord, { secretHash });
      return record === null ? null : keyOf(record);
    });
  }

  save(key: StoredApiKey): Promise<void> {
    return withPostgresFaults(async () => {
      await this.orm.em
        .fork()
        .createQueryBuilder(ApiKeyRecord)
        .insert({ ...key, scopes: [...key.scopes] })
        .onConflict('id')
        .merge(['name', 'secretHash', 'scopes', 'revokedAt'])
        .execute();
    });
  }

  list(): Promise<readonly StoredApiKey[]> {
    return withPostgresFaults(async () => {
      const records = await this.orm.em.fork().find(ApiKeyRecord, {}, { orderBy: { createdAt: 'asc' } });
      return records.map(keyOf);
    });
  }

  revoke(id: string, at: Date): Promise<boolean> {
    return withPostgresFaults(async () => {
      const changed = await this.orm.em
        .fork()
        .nativeUpdate(ApiKeyRecord, { id, revokedAt: null }, { revokedAt: at });
      return changed > 0;
    });
  }
}

function keyOf(record: ApiKeyRecord): StoredApiKey {
  return {
    id: record.id,
    name: record.name,
    secretHash: record.secretHash,
    // Written only from Scope values; an unknown one (a scope since removed) grants nothing.
    scopes: record.scopes.filter(isScope),
    createdAt: record.createdAt,
    revokedAt: record.revokedAt ?? null,
  };
}
