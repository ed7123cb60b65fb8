import type { ApiKeyStore, StoredApiKey } from '../../application/ports/api-key-store.js';

export class InMemoryApiKeyStore implements ApiKeyStore {
  private readonly keys = new Map<string, StoredApiKey>();

  async findByHash(secretHash: string): Promise<StoredApiKey | null> {
    return [...this.keys.values()].find((key) => key.secretHash === secretHash) ?? null;
  }

  async save(key: StoredApiKey): Promise<void> {
    this.keys.set(key.id, { ...key, scopes: [...key.scopes] });
  }

  async list(): Promise<readonly StoredApiKey[]> {
    return [...this.keys.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const key = this.keys.get(id);
    if (key === undefined || key.revokedAt !== null) return false;
    this.keys.set(id, { ...key, revokedAt: at });
    return true;
  }
}
