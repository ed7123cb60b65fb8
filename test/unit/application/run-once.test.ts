import { describe, expect, it } from 'vitest';
import { InMemoryApiKeyStore } from '../../../src/adapters/memory/in-memory-api-key-store.js';
import { InMemoryIdempotencyKeys } from '../../../src/adapters/memory/in-memory-idempotency-keys.js';
import { InMemorySagaControl } from '../../../src/adapters/memory/in-memory-saga-control.js';
import { createApiUseCases } from '../../../src/application/api-use-cases.js';
import { orderIdForKey } from '../../../src/application/place-order-once.js';
import type {
  IdempotencyClaim,
  IdempotencyRecord,
  IdempotencyScope,
} from '../../../src/application/ports/idempotency-keys.js';
import { createMemoryWorld } from '../../support/memory-world.js';

// Loses the first answer it is asked to record, as a process killed between its work and its answer.
class KeysThatLoseAnAnswer extends InMemoryIdempotencyKeys {
  private lost = false;

  override async complete<T>(scope: IdempotencyScope, key: string, response: T, at: Date): Promise<T> {
    if (!this.lost) {
      this.lost = true;
      throw new Error('process killed before the answer was recorded');
    }
    return super.complete(scope, key, response, at);
  }
}

// A key claimed before keys stored a resource id, as the migration leaves them.
class KeysFromBefore extends InMemoryIdempotencyKeys {
  override claim<T>(claim: IdempotencyClaim): Promise<IdempotencyRecord<T>> {
    return super.claim<T>(claim).then((record) => ({ ...record, resourceId: null }));
  }
}

async function worldWith(idempotencyKeys: InMemoryIdempotencyKeys) {
  const world = createMemoryWorld();
  await world.stockProduct('kb-ergo', 5);
  const sagaControl = new InMemorySagaControl(world.sagas, world.clock);
  const ports = {
    ...world.ports,
    sagaControl,
    idempotencyKeys,
    apiKeys: new InMemoryApiKeyStore(),
    customers: world.customers,
    registrations: world.registrations,
  };
  const settings = { cursorKey: 'test-cursor-key-0123456789', adminApiKey: 'test-admin-key-0123456789' };
  return { ...world, api: createApiUseCases(ports, settings) };
}

const KEY = 'delivery-0001';

describe('a request under an Idempotency-Key whose process dies before its answer is recorded', () => {
  it('restock: the retry adds nothing more and answers with the stock', async () => {
    const world = await worldWith(new KeysThatLoseAnAnswer());
    const request = { idempotencyKey: KEY, productId: 'kb-ergo', quantity: 20 };
    await expect(world.api.restockProductOnce.execute(request)).rejects.toThrow('process killed');
    const retry = await world.api.restockProductOnce.execute(request);
    expect(retry).toEqual({ output: expect.objectContaining({ available: 25 }), replayed: false });
    expect((await world.api.restockProductOnce.execute(request)).replayed).toBe(true);
    expect((await world.inventory.stockOf('kb-ergo')).available).toBe(25);
  });

  it('order: the retry places the same order id, which starts no second saga', async () => {
    const world = await worldWith(new KeysThatLoseAnAnswer());
    const order = {
      customerId: 'c-1',
      cardToken: 'tok_visa',
      lines: [{ productId: 'kb-ergo', quantity: 1 }],
    };
    await expect(world.api.placeOrderOnce.execute({ idempotencyKey: KEY, order })).rejects.toThrow();
    const retry = await world.api.placeOrderOnce.execute({ idempotencyKey: KEY, order });
    expect(world.sagas.started().map((saga) => saga.orderId)).toEqual([retry.output.orderId]);
  });
});

describe('an order key claimed before keys stored a resource id', () => {
  it('keeps the order id derived from the key, so its retries find the order it placed', async () => {
    const world = await worldWith(new KeysFromBefore());
    const order = {
      customerId: 'c-1',
      cardToken: 'tok_visa',
      lines: [{ productId: 'kb-ergo', quantity: 1 }],
    };
    const placed = await world.api.placeOrderOnce.execute({ idempotencyKey: KEY, order });
    expect(placed.output.orderId).toBe(orderIdForKey(KEY));
  });
});
