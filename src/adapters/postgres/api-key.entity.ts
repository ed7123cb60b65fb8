import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';

// One row per API key of staff and services: the SHA-256 of its secret (unique, the lookup of every
// request), its scopes, and when it was revoked (kept, so `keys list` shows what was revoked).
export const ApiKeyRecord = defineEntity({
  name: 'ApiKeyRecord',
  tableName: 'api_keys',
  properties: {
    id: p.string().length(40).primary(),
    name: p.string().length(200),
    secretHash: p.character().length(64).unique(),
    scopes: p.array(),
    createdAt: p.datetime(3),
    revokedAt: p.datetime(3).nullable(),
  },
});

export type ApiKeyRecord = InferEntity<typeof ApiKeyRecord>;
