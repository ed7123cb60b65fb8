import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';

// One row per Idempotency-Key and scope (POST /orders, POST /products/{id}/restock): the SHA-256 of
// the first request sent with it, the id of the order or restock it creates, and the answer it got
// (null until there is one). (scope, key) is the primary key, so of two concurrent first requests
// exactly one insert wins. A row ages from completed_at, or from created_at while never answered; the
// two indexes serve the maintenance workflow's delete.
export const IdempotencyKeyRecord = defineEntity({
  name: 'IdempotencyKeyRecord',
  tableName: 'idempotency_keys',
  properties: {
    scope: p.string().length(20).primary(),
    key: p.string().length(100).primary(),
    fingerprint: p.character().length(64),
    resourceId: p.string().length(100).nullable(),
    response: p.json<Record<string, unknown>>().nullable(),
    createdAt: p.datetime(3).index(),
    completedAt: p.datetime(3).nullable().index(),
  },
});

export type IdempotencyKeyRecord = InferEntity<typeof IdempotencyKeyRecord>;
