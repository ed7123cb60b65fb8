import type { Scope } from '../caller.js';

// An API key as stored: never its secret, only the secret's SHA-256.
export interface StoredApiKey {
  readonly id: string;
  readonly name: string;
  readonly secretHash: string;
  readonly scopes: readonly Scope[];
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

export interface ApiKeyStore {
  // The key with this hash, revoked or not; null when there is none.
  findByHash(secretHash: string): Promise<StoredApiKey | null>;
  // Inserts the key, or replaces the one with its id (the admin key, re-read from the environment).
  save(key: StoredApiKey): Promise<void>;
  list(): Promise<readonly StoredApiKey[]>;
  // Marks the key revoked; false when no live key has this id.
  revoke(id: string, at: Date): Promise<boolean>;
}
