import { createHash, randomBytes } from 'node:crypto';
import type { Caller, Scope } from './caller.js';
import { SCOPES } from './caller.js';
import type { ApiKeyStore, StoredApiKey } from './ports/api-key-store.js';
import type { Clock } from './ports/clock.js';

interface Dependencies {
  readonly apiKeys: ApiKeyStore;
  readonly clock: Clock;
  // ADMIN_API_KEY: the first key, with every scope, kept in the environment rather than the table,
  // so that changing the setting rotates it and API processes with different settings (tests, the
  // bench) can share a database without replacing each other's.
  readonly adminApiKey?: string | null;
}

export type ApiKeyView = Omit<StoredApiKey, 'secretHash'>;

// The id ADMIN_API_KEY goes by.
export const ADMIN_KEY_ID = 'admin';

// Keys of staff and services. A secret is 32 random bytes, so a plain SHA-256 is as good as a slow
// password hash against a stolen table, and lets a request find its key by one indexed lookup.
export class ApiKeys {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  // The secret is in the answer and nowhere else: it cannot be shown again.
  async create(name: string, scopes: readonly Scope[]): Promise<{ key: ApiKeyView; secret: string }> {
    const id = `key_${randomBytes(6).toString('hex')}`;
    const secret = `osk_${randomBytes(32).toString('base64url')}`;
    const key: StoredApiKey = {
      id,
      name,
      secretHash: hashOf(secret),
      scopes: [...new Set(scopes)],
      createdAt: this.deps.clock.now(),
      revokedAt: null,
    };
    await this.deps.apiKeys.save(key);
    return { key: viewOf(key), secret };
  }

  async callerOf(secret: string): Promise<Caller | null> {
    const hash = hashOf(secret);
    const admin = this.deps.adminApiKey;
    if (admin !== undefined && admin !== null && hash === hashOf(admin)) {
      return { kind: 'key', keyId: ADMIN_KEY_ID, scopes: SCOPES };
    }
    const key = await this.deps.apiKeys.findByHash(hash);
    if (key === null || key.revokedAt !== null) return null;
    return { kind: 'key', keyId: key.id, scopes: key.scopes };
  }

  async list(): Promise<readonly ApiKeyView[]> {
    return (await this.deps.apiKeys.list()).map(viewOf);
  }

  revoke(id: string): Promise<boolean> {
    return this.deps.apiKeys.revoke(id, this.deps.clock.now());
  }
}

export function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function viewOf({ secretHash: _, ...view }: StoredApiKey): ApiKeyView {
  return view;
}
