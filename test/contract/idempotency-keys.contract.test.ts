import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryIdempotencyKeys } from '../../src/adapters/memory/in-memory-idempotency-keys.js';
import { PostgresIdempotencyKeys } from '../../src/adapters/postgres/postgres-idempotency-keys.js';
import type { IdempotencyKeys } from '../../src/application/ports/idempotency-keys.js';
import { uniqueName } from '../support/settings.js';
import { startPostgresOrm } from './postgres-test-orm.js';

const answer = (orderId: string) => ({
  orderId,
  sagaId: `order-${orderId}`,
  total: { amount: 17_998, currency: 'EUR' },
});
const FIRST = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

// What every IdempotencyKeys store must do, run against each adapter.
function idempotencyKeysContract(
  name: string,
  start: () => Promise<{ keys: IdempotencyKeys; stop(): Promise<void> }>,
) {
  describe(`${name} (IdempotencyKeys contract)`, () => {
    let subject: { keys: IdempotencyKeys; stop(): Promise<void> } | undefined;
    let keys: IdempotencyKeys;
    beforeAll(async () => {
      subject = await start();
      keys = subject.keys;
    });
    afterAll(() => subject?.stop());

    it('claims a new key with its fingerprint and no answer yet', async () => {
      const key = uniqueName('key');
      expect(await keys.claim(key, FIRST)).toEqual({ key, fingerprint: FIRST, response: null });
    });

    it('keeps the first fingerprint when the key is claimed again with another', async () => {
      const key = uniqueName('key');
      await keys.claim(key, FIRST);
      expect((await keys.claim(key, OTHER)).fingerprint).toBe(FIRST);
    });

    it('agrees on one fingerprint when two claims race', async () => {
      const key = uniqueName('key');
      const [a, b] = await Promise.all([keys.claim(key, FIRST), keys.claim(key, OTHER)]);
      expect(a.fingerprint).toBe(b.fingerprint);
    });

    it('returns the recorded answer with later claims, and keeps the first answer recorded', async () => {
      const key = uniqueName('key');
      await keys.claim(key, FIRST);
      expect(await keys.complete(key, answer('order-1'))).toEqual(answer('order-1'));
      expect(await keys.complete(key, answer('order-2'))).toEqual(answer('order-1'));
      expect(await keys.claim(key, FIRST)).toEqual({ key, fingerprint: FIRST, response: answer('order-1') });
    });

    it('forgets a released claim, so the key may be claimed with another fingerprint', async () => {
      const key = uniqueName('key');
      await keys.claim(key, FIRST);
      await keys.release(key, FIRST);
      expect((await keys.claim(key, OTHER)).fingerprint).toBe(OTHER);
    });

    it('keeps a claim released with another fingerprint, and a key that has its answer', async () => {
      const key = uniqueName('key');
      await keys.claim(key, FIRST);
      await keys.release(key, OTHER);
      expect((await keys.claim(key, OTHER)).fingerprint).toBe(FIRST);
      await keys.complete(key, answer('order-1'));
      await keys.release(key, FIRST);
      expect((await keys.claim(key, FIRST)).response).toEqual(answer('order-1'));
    });
  });
}

idempotencyKeysContract('InMemoryIdempotencyKeys', async () => ({
  keys: new InMemoryIdempotencyKeys(),
  stop: async () => undefined,
}));

idempotencyKeysContract('PostgresIdempotencyKeys', async () => {
  const orm = await startPostgresOrm();
  return { keys: new PostgresIdempotencyKeys(orm), stop: () => orm.close(true) };
});
