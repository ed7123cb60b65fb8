import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type OrderSagaClient } from '../../packages/client/src/index.js';
import type { LedgerEntry } from '../../src/adapters/payment/simulator/ledger.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY, eventually } from './api-service.js';

// An order paid with the payment method the registration saga kept, on the real stack (PostgreSQL,
// MongoDB, Temporal, the worker, the gateway simulator), driven through the generated SDK.
describe('orders paid with a saved payment method against the running service', () => {
  let service: ApiService;
  let staff: OrderSagaClient;

  beforeAll(async () => {
    service = await ApiService.start();
    staff = createClient({ baseUrl: service.baseUrl, apiKey: E2E_ADMIN_KEY });
  });
  afterAll(() => service?.stop());

  async function aProduct(): Promise<string> {
    const productId = uniqueName('pm-p');
    const params = { path: { productId } };
    await staff.PUT('/products/{productId}', {
      params,
      body: { name: `Product ${productId}`, unitPrice: { amount: 1250, currency: 'EUR' } },
    });
    await staff.POST('/products/{productId}/restock', { params, body: { quantity: 10 } });
    return productId;
  }

  // A customer registered by POST /customers, once the registration saga kept their card.
  async function aRegisteredCustomer() {
    const customerId = uniqueName('pm-customer');
    const sdk = createClient({
      baseUrl: service.baseUrl,
      customerToken: await service.customerToken(customerId),
    });
    const accepted = await sdk.POST('/customers', {
      body: { name: 'Ada Lovelace', email: `${customerId}@example.com`, cardToken: 'tok_visa' },
      params: { header: { 'idempotency-key': `register-${customerId}` } },
    });
    expect(accepted.response.status).toBe(202);
    const read = () => sdk.GET('/customers/{customerId}', { params: { path: { customerId } } });
    const registered = await eventually(read, ({ data }) => typeof data?.paymentMethodId === 'string');
    return { customerId, sdk, paymentMethodId: registered.data?.paymentMethodId ?? '' };
  }

  async function ledger(orderId: string): Promise<LedgerEntry[]> {
    const url = new URL(`/v1/ledger?${new URLSearchParams({ orderId })}`, service.config.paymentGatewayUrl);
    return ((await (await fetch(url)).json()) as { data: LedgerEntry[] }).data;
  }

  it("confirms an order paid with the customer's saved method, charged to that method at the gateway", async () => {
    const { customerId, sdk, paymentMethodId } = await aRegisteredCustomer();
    const productId = await aProduct();
    const placed = await sdk.POST('/orders', {
      body: { customerId, paymentMethodId, lines: [{ productId, quantity: 2 }] },
    });
    expect(placed.response.status).toBe(202);
    const orderId = placed.data?.orderId ?? '';
    const read = () => sdk.GET('/orders/{orderId}', { params: { path: { orderId } } });
    const done = await eventually(read, ({ data }) => data?.status !== 'PENDING');
    expect(done.data?.status).toBe('CONFIRMED');
    const entries = await ledger(orderId);
    expect(entries.map((entry) => [entry.type, entry.paymentMethodId, entry.amount])).toEqual([
      ['authorization', paymentMethodId, 2500],
      ['capture', paymentMethodId, 2500],
    ]);
  });

  it("refuses an order paid with another customer's method with 404 PAYMENT_METHOD.NOT_FOUND, storing nothing", async () => {
    const owner = await aRegisteredCustomer();
    const thief = await aRegisteredCustomer();
    const productId = await aProduct();
    const refused = await thief.sdk.POST('/orders', {
      body: {
        customerId: thief.customerId,
        paymentMethodId: owner.paymentMethodId,
        lines: [{ productId, quantity: 1 }],
      },
      params: { header: { 'idempotency-key': uniqueName('pm-theft') } },
    });
    expect(refused.response.status).toBe(404);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error).toMatchObject({ code: 'PAYMENT_METHOD.NOT_FOUND' });
    const listed = await thief.sdk.GET('/orders', { params: { query: { customerId: thief.customerId } } });
    expect(listed.data?.items).toEqual([]);
    const stock = await staff.GET('/products/{productId}/stock', { params: { path: { productId } } });
    expect(stock.data).toMatchObject({ available: 10 });
  });
});
