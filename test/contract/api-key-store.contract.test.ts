import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryApiKeyStore } from '../../src/adapters/memory/in-memory-api-key-store.js';
import { PostgresApiKeyStore } from '../../src/adapters/postgres/postgres-api-key-store.js';
import { SystemClock } from '../../src/adapters/system/system-clock.js';
import { ApiKeys, hashOf } from '../../src/application/api-keys.js';
import type { ApiKeyStore } from '../../src/application/ports/api-key-store.js';
import { uniqueName } from '../support/settings.js';
import { startPostgresOrm } from './postgres-test-orm.js';

// What every ApiKeyStore must do, seen through ApiKeys, run against each adapter.
function apiKeyStoreContract(
  name: string,
  start: () => Promise<{ store: ApiKeyStore; stop(): Promise<void> }>,
) {
  describe(`${name} (ApiKeyStore contract)`, () => {
    let subject: { store: ApiKeyStore; stop(): Promise<void> } | undefined;
    let keys: ApiKeys;
    beforeAll(async () => {
      subject = await start();
      keys = new ApiKeys({ apiKeys: subject.store, clock: new SystemClock() });
    });
    afterAll(() => subject?.stop());

    it('knows a new key by its secret, with its scopes, and stores only its hash', async () => {
      const { key, secret } = await keys.create(uniqueName('key'), ['orders:read-all', 'ops:compensation']);
      expect(await keys.callerOf(secret)).toEqual({
        kind: 'key',
        keyId: key.id,
        scopes: ['orders:read-all', 'ops:compensation'],
      });
      const stored = await subject?.store.findByHash(hashOf(secret));
      expect(stored?.secretHash).toBe(hashOf(secret));
      expect(JSON.stringify(stored)).not.toContain(secret);
      expect(JSON.stringify(await keys.list())).not.toContain(hashOf(secret));
    });

    it('knows a revoked key no more, and revokes it once', async () => {
      const { key, secret } = await keys.create(uniqueName('key'), ['catalog:write']);
      expect(await keys.revoke(key.id)).toBe(true);
      expect(await keys.revoke(key.id)).toBe(false);
      expect(await keys.callerOf(secret)).toBeNull();
      expect((await keys.list()).find((listed) => listed.id === key.id)?.revokedAt).toBeInstanceOf(Date);
    });
  });
}

apiKeyStoreContract('InMemoryApiKeyStore', async () => ({
  store: new InMemoryApiKeyStore(),
  stop: async () => undefined,
}));

apiKeyStoreContract('PostgresApiKeyStore', async () => {
  const orm = await startPostgresOrm();
  return { store: new PostgresApiKeyStore(orm), stop: () => orm.close(true) };
});
