import type { StockLevel } from '../domain/stock/product-stock.js';
import type { RestockProduct } from './restock-product.js';
import { type Dependencies, fingerprintOf, type Once, runOnce } from './run-once.js';

// RestockProduct under an Idempotency-Key (run-once.ts), in keys of its own (scope `restocks`): the key's
// resource id is the restock id, which the inventory adds once however often the request is retried, a
// crash between the add and the recorded answer included. A retry that finishes such a request answers
// with the stock as it is then.
export class RestockProductOnce {
  private readonly deps: Dependencies & { readonly restockProduct: RestockProduct };

  constructor(deps: Dependencies & { readonly restockProduct: RestockProduct }) {
    this.deps = deps;
  }

  execute(input: { idempotencyKey: string; productId: string; quantity: number }): Promise<Once<StockLevel>> {
    const { idempotencyKey: key, productId, quantity } = input;
    const request = { scope: 'restocks' as const, key, fingerprint: fingerprintOf({ productId, quantity }) };
    return runOnce(this.deps, request, (restockId) => {
      // Only order keys from before resource ids were stored have none.
      if (restockId === null) throw new Error(`Restock key ${key} has no restock id`);
      return this.deps.restockProduct.execute({ productId, quantity, restockId });
    });
  }
}
