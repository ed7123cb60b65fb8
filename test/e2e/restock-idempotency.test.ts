import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type OrderSagaClient } from '../../packages/client/src/index.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY } from './api-service.js';

// POST /products/{id}/restock with an Idempotency-Key on the running service: keys in PostgreSQL, stock
// in FerretDB, no transaction between them.
describe('an idempotent restock against the running service', () => {
  let service: ApiService;
  let sdk: OrderSagaClient;

  beforeAll(async () => {
    service = await ApiService.start();
    sdk = createClient({ baseUrl: service.baseUrl, apiKey: E2E_ADMIN_KEY });
  });
  afterAll(() => service?.stop());

  async function aProduct(): Promise<string> {
    const productId = uniqueName('restock-p');
    const body = { name: `Product ${productId}`, unitPrice: { amount: 1250, currency: 'EUR' } };
    await sdk.PUT('/products/{productId}', { params: { path: { productId } }, body });
    return productId;
  }

  function restock(productId: string, quantity: number, key: string) {
    return sdk.POST('/products/{productId}/restock', {
      params: { path: { productId }, header: { 'idempotency-key': key } },
      body: { quantity },
    });
  }

  it('adds the units once when the same request is sent eight times at once, and replays the answer', async () => {
    const productId = await aProduct();
    const key = uniqueName('delivery');
    const answers = await Promise.all(Array.from({ length: 8 }, () => restock(productId, 12, key)));
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(8).fill(200));
    const replay = await restock(productId, 12, key);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data).toEqual({ productId, available: 12, reserved: 0, committed: 0 });
    const stock = await sdk.GET('/products/{productId}/stock', { params: { path: { productId } } });
    expect(stock.data).toMatchObject({ available: 12 });
  });

  it('refuses another quantity under the same key with 409 IDEMPOTENCY.KEY_REUSED and adds nothing', async () => {
    const productId = await aProduct();
    const key = uniqueName('delivery');
    await restock(productId, 12, key);
    const other = await restock(productId, 13, key);
    expect(other.response.status).toBe(409);
    expect(other.error).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    const stock = await sdk.GET('/products/{productId}/stock', { params: { path: { productId } } });
    expect(stock.data).toMatchObject({ available: 12 });
  });
});
