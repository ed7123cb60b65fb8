import { createHash } from 'node:crypto';
import type { PlaceOrder, PlaceOrderInput, PlaceOrderOutput } from './place-order.js';
import { type Dependencies, fingerprintOf as fingerprintOfJson, type Once, runOnce } from './run-once.js';

export type PlacedOnce = Once<PlaceOrderOutput>;

// PlaceOrder under an Idempotency-Key (run-once.ts): the order id is the key's resource id, so the
// saga (named after the order id) is started once, and the stored answer is replayed even if prices
// have changed since. A retry whose first attempt failed or is still running places the same order id
// again, which starts no second saga.
export class PlaceOrderOnce {
  private readonly deps: Dependencies & { readonly placeOrder: PlaceOrder };

  constructor(deps: Dependencies & { readonly placeOrder: PlaceOrder }) {
    this.deps = deps;
  }

  execute(input: { idempotencyKey: string; order: PlaceOrderInput }): Promise<PlacedOnce> {
    const { idempotencyKey: key, order } = input;
    const request = { scope: 'orders' as const, key, fingerprint: fingerprintOf(order) };
    return runOnce(this.deps, request, (resourceId) =>
      this.deps.placeOrder.execute({ ...order, orderId: resourceId ?? orderIdForKey(key) }),
    );
  }
}

// The order id of a key claimed before keys stored one: a UUID (version 8: application-defined) from a
// hash of the key. Such keys are all gone a retention after the change that stored ids.
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
  return fingerprintOfJson({
    cardToken: order.cardToken,
    customerId: order.customerId,
    // Absent from card orders, so that their keys' fingerprints are those stored before methods existed.
    ...(order.paymentMethodId === undefined ? {} : { paymentMethodId: order.paymentMethodId }),
    lines: order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
  });
}
