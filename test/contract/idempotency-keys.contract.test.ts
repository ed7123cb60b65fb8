import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryIdempotencyKeys } from '../../src/adapters/memory/in-memory-idempotency-keys.js';
import { PostgresIdempotencyKeys } from '../../src/adapters/postgres/postgres-idempotency-keys.js';
import type {
  IdempotencyKeys,
  IdempotencyRecord,
  IdempotencyScope,
} from '../../src/application/ports/idempotency-keys.js';
import { uniqueName } from '../support/settings.js';
import { startPostgresOrm } from './postgres-test-orm.js';

const answer = (orderId: string) => ({
  orderId,
  sagaId: `order-${orderId}`,
  total: { amount: 17_998, currency: 'EUR' },
});
type Answer = ReturnType<typeof answer>;
const FIRST = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const HOUR = 3_600_000;
// Far behind the keys other suites write with the real time, so a removal before a time near it only
// ever finds this file's keys.
const T0 = new Date('2001-01-01T00:00:00.000Z');
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

function claimOf(
  key: string,
  fingerprint = FIRST,
  resourceId = `res-${key}`,
  scope: IdempotencyScope = 'orders',
) {
  return { scope, key, fingerprint, resourceId, at: new Date() };
}

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

    const claim = (...args: Parameters<typeof claimOf>): Promise<IdempotencyRecord<Answer>> =>
      keys.claim<Answer>(claimOf(...args));

    it('claims a new key with its fingerprint, its resource id and no answer yet', async () => {
      const key = uniqueName('key');
      expect(await claim(key)).toEqual({ key, fingerprint: FIRST, resourceId: `res-${key}`, response: null });
    });

    it('keeps the first fingerprint and resource id when the key is claimed again', async () => {
      const key = uniqueName('key');
      await claim(key);
      expect(await claim(key, OTHER, 'res-other')).toMatchObject({
        fingerprint: FIRST,
        resourceId: `res-${key}`,
      });
    });

    it('agrees on one fingerprint and resource id when two claims race', async () => {
      const key = uniqueName('key');
      const [a, b] = await Promise.all([claim(key, FIRST, 'res-a'), claim(key, OTHER, 'res-b')]);
      expect(a).toEqual(b);
    });

    it('keeps the same key apart in two scopes', async () => {
      const key = uniqueName('key');
      await claim(key, FIRST, 'res-order', 'orders');
      expect(await claim(key, OTHER, 'res-restock', 'restocks')).toMatchObject({
        fingerprint: OTHER,
        resourceId: 'res-restock',
      });
    });

    it('returns the recorded answer with later claims, and keeps the first answer recorded', async () => {
      const key = uniqueName('key');
      await claim(key);
      expect(await keys.complete('orders', key, answer('order-1'), new Date())).toEqual(answer('order-1'));
      expect(await keys.complete('orders', key, answer('order-2'), new Date())).toEqual(answer('order-1'));
      expect((await claim(key)).response).toEqual(answer('order-1'));
    });

    it('forgets a key a retention after its answer, not before, and a new claim then starts afresh', async () => {
      const key = uniqueName('key');
      await keys.claim({ ...claimOf(key), at: at(0) });
      await keys.complete('orders', key, answer('order-1'), at(10));
      expect(await keys.removeExpired(at(10), 1_000)).toBe(0);
      expect((await claim(key)).response).toEqual(answer('order-1'));
      expect(await keys.removeExpired(new Date(at(10).getTime() + 1), 1_000)).toBe(1);
      expect(await claim(key, OTHER, 'res-new')).toEqual({
        key,
        fingerprint: OTHER,
        resourceId: 'res-new',
        response: null,
      });
    });

    it('forgets a claim never answered a retention after the claim', async () => {
      const key = uniqueName('key');
      await keys.claim({ ...claimOf(key), at: at(100) });
      expect(await keys.removeExpired(at(100), 1_000)).toBe(0);
      expect(await keys.removeExpired(at(101), 1_000)).toBe(1);
    });

    it('removes no more than the limit at a time', async () => {
      const names = [uniqueName('key'), uniqueName('key'), uniqueName('key')];
      for (const key of names) await keys.claim({ ...claimOf(key), at: at(200) });
      expect(await keys.removeExpired(at(201), 2)).toBe(2);
      expect(await keys.removeExpired(at(201), 2)).toBe(1);
    });

    it('forgets a released claim, so the key may be claimed with another fingerprint', async () => {
      const key = uniqueName('key');
      await claim(key, FIRST);
      await keys.release('orders', key, FIRST);
      expect((await claim(key, OTHER)).fingerprint).toBe(OTHER);
    });

    it('keeps a claim released with another fingerprint or scope, and a key that has its answer', async () => {
      const key = uniqueName('key');
      await claim(key, FIRST);
      await keys.release('orders', key, OTHER);
      await keys.release('restocks', key, FIRST);
      expect((await claim(key, OTHER)).fingerprint).toBe(FIRST);
      await keys.complete('orders', key, answer('order-1'), new Date());
      await keys.release('orders', key, FIRST);
      expect((await claim(key, FIRST)).response).toEqual(answer('order-1'));
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
