import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';

// One row per Idempotency-Key of POST /orders: the SHA-256 of the first request sent with it, and the
// answer it got (null until there is one). The key is the primary key, so of two concurrent first
// requests exactly one insert wins.
export const IdempotencyKeyRecord = defineEntity({
  name: 'IdempotencyKeyRecord',
  tableName: 'idempotency_keys',
  properties: {
    key: p.string().length(100).primary(),
    fingerprint: p.character().length(64),
    response: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(3),
  },
});

export type IdempotencyKeyRecord = InferEntity<typeof IdempotencyKeyRecord>;
