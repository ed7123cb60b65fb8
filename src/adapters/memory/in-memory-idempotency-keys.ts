import type { PlaceOrderOutput } from '../../application/place-order.js';
import type { IdempotencyKeys, IdempotencyRecord } from '../../application/ports/idempotency-keys.js';

export class InMemoryIdempotencyKeys implements IdempotencyKeys {
  private readonly records = new Map<string, IdempotencyRecord>();

  async claim(key: string, fingerprint: string): Promise<IdempotencyRecord> {
    const known = this.records.get(key);
    if (known !== undefined) return known;
    const record = { key, fingerprint, response: null };
    this.records.set(key, record);
    return record;
  }

  async complete(key: string, response: PlaceOrderOutput): Promise<PlaceOrderOutput> {
    const known = this.records.get(key);
    if (known === undefined) throw new Error(`idempotency key ${key} was never claimed`);
    if (known.response !== null) return known.response;
    this.records.set(key, { ...known, response: structuredClone(response) });
    return response;
  }

  async release(key: string, fingerprint: string): Promise<void> {
    const known = this.records.get(key);
    if (known?.response === null && known.fingerprint === fingerprint) this.records.delete(key);
  }
}
