import { createHash } from 'node:crypto';
import { isDomainError } from '../domain/shared/domain-error.js';
import { IdempotencyKeyReused, isApplicationError } from './application-error.js';
import type { PlaceOrder, PlaceOrderInput, PlaceOrderOutput } from './place-order.js';
import type { IdempotencyKeys } from './ports/idempotency-keys.js';

interface Dependencies {
  readonly idempotencyKeys: IdempotencyKeys;
  readonly placeOrder: PlaceOrder;
}

export interface PlacedOnce {
  readonly output: PlaceOrderOutput;
  // True when the answer is the one given to an earlier request with the same key.
  readonly replayed: boolean;
}

// PlaceOrder under an Idempotency-Key, which is kept only once the order was accepted. The order id is derived from the key, so that however often and
// however concurrently the request is sent, the saga (named after the order id) is started once. The
// stored fingerprint tells a retry of the same request from a different one, and the stored answer is
// replayed word for word even if prices have changed since.
export class PlaceOrderOnce {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { idempotencyKey: string; order: PlaceOrderInput }): Promise<PlacedOnce> {
    const { idempotencyKey: key, order } = input;
    const fingerprint = fingerprintOf(order);
    const record = await this.deps.idempotencyKeys.claim(key, fingerprint);
    if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
    if (record.response !== null) return { output: record.response, replayed: true };
    // Also the path of a retry whose first attempt failed or is still running: the same order id
    // starts no second saga.
    const placed = await this.deps.placeOrder
      .execute({ ...order, orderId: orderIdForKey(key) })
      .catch(async (error: unknown) => {
        // A refusal (PRODUCT.NOT_FOUND, VALIDATION.*, CURRENCY_MISMATCH) comes before any saga starts:
        // the key is given back, so the corrected request may use it. A fault (Temporal down) may come
        // after the saga started, so the key stays claimed, for a retry of this very request only.
        if (isDomainError(error) || isApplicationError(error)) {
          await this.deps.idempotencyKeys.release(key, fingerprint);
        }
        throw error;
      });
    const kept = await this.deps.idempotencyKeys.complete(key, placed);
    return { output: kept, replayed: false };
  }
}

// A UUID (version 8: application-defined) from a hash of the key: the same key, the same order id.
export function orderIdForKey(key: string): string {
  const hex = createHash('sha256').update(`order-saga/idempotency-key/${key}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

// Field order does not change a request, so keys are sorted; line order is kept, as it is the order's.
export function fingerprintOf(order: PlaceOrderInput): string {
  const canonical = JSON.stringify({
    cardToken: order.cardToken,
    customerId: order.customerId,
    lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
  });
  return createHash('sha256').update(canonical).digest('hex');
}
