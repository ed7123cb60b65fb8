import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  type OrderSagaClient,
  type OrderWithProgress,
} from '../../packages/client/src/index.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY, eventually } from './api-service.js';

// The running service on the real stack, driven only through the generated SDK.
describe('the SDK against the running service', () => {
  let service: ApiService;
  let sdk: OrderSagaClient;
  let staff: OrderSagaClient;
  const customerId = uniqueName('sdk-customer');

  beforeAll(async () => {
    service = await ApiService.start();
    sdk = createClient({
      baseUrl: service.baseUrl,
      customerToken: await service.customerToken(customerId),
    });
    staff = createClient({ baseUrl: service.baseUrl, apiKey: E2E_ADMIN_KEY });
  });
  afterAll(() => service?.stop());

  async function aProduct(stock: number, amount = 1250): Promise<string> {
    const productId = uniqueName('sdk-p');
    const params = { path: { productId } };
    const put = await staff.PUT('/products/{productId}', {
      params,
      body: { name: `Product ${productId}`, unitPrice: { amount, currency: 'EUR' } },
    });
    expect(put.response.status).toBe(200);
    const restock = await staff.POST('/products/{productId}/restock', {
      params,
      body: { quantity: stock },
    });
    expect(restock.data).toMatchObject({ available: stock });
    return productId;
  }

  async function place(productId: string, cardToken: string, headers: Record<string, string> = {}) {
    const placed = await sdk.POST('/orders', {
      body: { customerId, cardToken, lines: [{ productId, quantity: 2 }] },
      params: { header: headers },
    });
    return placed;
  }

  async function order(orderId: string): Promise<OrderWithProgress> {
    const { data, error } = await sdk.GET('/orders/{orderId}', { params: { path: { orderId } } });
    if (data === undefined)
      throw new Error(`GET /orders/${orderId}: ${JSON.stringify(error)}\n${service.log.slice(-4000)}`);
    return data;
  }

  const settled = (value: OrderWithProgress) =>
    value.status !== 'PENDING' &&
    value.progress?.phase !== 'RUNNING' &&
    value.progress?.phase !== 'COMPENSATING';

  async function stockOf(productId: string) {
    return (await sdk.GET('/products/{productId}/stock', { params: { path: { productId } } })).data;
  }

  it('places an order and polls it to CONFIRMED, every step done, the stock committed', async () => {
    const productId = await aProduct(5);
    const { data: placed, response } = await place(productId, 'tok_visa');
    expect(response.status).toBe(202);
    expect(placed).toMatchObject({ status: 'PENDING', total: { amount: 2500, currency: 'EUR' } });

    const confirmed = await eventually(() => order(placed?.orderId ?? ''), settled);
    expect(confirmed.status).toBe('CONFIRMED');
    expect(confirmed.progress?.phase).toBe('CONFIRMED');
    // Six steps done; then the saga waits for the warehouse's shipment, and its delivery after it.
    expect(confirmed.progress?.steps.map((step) => step.state)).toEqual([
      ...Array(6).fill('done'),
      'running',
      'pending',
    ]);
    expect(confirmed.progress?.waitingFor).toMatchObject({ news: 'shipment', deadline: expect.any(String) });
    expect(await stockOf(productId)).toEqual({ productId, available: 3, reserved: 0, committed: 2 });
  });

  it('places an order whose card is declined and polls it to CANCELLED, the stock released', async () => {
    const productId = await aProduct(5);
    const { data: placed } = await place(productId, 'tok_decline');

    const cancelled = await eventually(() => order(placed?.orderId ?? ''), settled);
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.failure?.code).toBe('PAYMENT.DECLINED');
    expect(cancelled.progress?.compensations.map((c) => [c.compensation, c.state])).toEqual([
      ['voidOrRefundPayment', 'done'],
      ['releaseStock', 'done'],
      ['cancelOrder', 'done'],
    ]);
    expect(await stockOf(productId)).toEqual({ productId, available: 5, reserved: 0, committed: 0 });
  });

  it('cancels an order in flight, and answers a cancel sent again as the first', async () => {
    const productId = await aProduct(5);
    const { data: placed } = await place(productId, 'tok_slow');
    const orderId = placed?.orderId ?? '';
    const authorizing = await eventually(
      () => order(orderId),
      (value) => value.progress?.steps.find((step) => step.step === 'authorizePayment')?.state === 'running',
    );
    expect(authorizing.status).toBe('PENDING');

    const cancel = await sdk.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });
    expect(cancel.response.status).toBe(202);
    const cancelled = await eventually(() => order(orderId), settled);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', failure: { code: 'ORDER.CANCELLED_ON_REQUEST' } });
    expect(await stockOf(productId)).toMatchObject({ available: 5, reserved: 0 });

    // As if the first answer had been lost: the same 202, not a 409 for what it asked for (main 97624b3).
    const again = await sdk.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });
    expect(again.response.status).toBe(202);
    expect(again.data).toEqual({ orderId, cancellation: 'REQUESTED' });
  });

  it('places one order per Idempotency-Key, and refuses the key with another body', async () => {
    const productId = await aProduct(5);
    const key = { 'idempotency-key': uniqueName('sdk-key') };
    const first = await place(productId, 'tok_visa', key);
    const again = await place(productId, 'tok_visa', key);
    const other = await place(productId, 'tok_mastercard', key);
    expect(again.data).toEqual(first.data);
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(other.response.status).toBe(409);
    expect(other.error).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it("lists the customer's orders, newest first, a page at a time", async () => {
    const first = await sdk.GET('/orders', { params: { query: { customerId, limit: 2 } } });
    expect(first.data?.items).toHaveLength(2);
    expect(first.data?.nextCursor).not.toBeNull();
    const next = await sdk.GET('/orders', {
      params: { query: { customerId, limit: 2, cursor: first.data?.nextCursor ?? undefined } },
    });
    const ids = [...(first.data?.items ?? []), ...(next.data?.items ?? [])].map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists without a limit, the page size being optional', async () => {
    const page = await sdk.GET('/orders', { params: { query: { customerId } } });
    expect(page.response.status).toBe(200);
  });

  it('sends a key only where the operation takes one, and an Idempotency-Key with every placement', async () => {
    const sent: Request[] = [];
    const spying = (client: 'customer' | 'staff') =>
      createClient({
        baseUrl: service.baseUrl,
        ...(client === 'staff'
          ? { apiKey: E2E_ADMIN_KEY }
          : { customerToken: () => service.customerToken(customerId) }),
        fetch: (request) => {
          sent.push(request.clone());
          return fetch(request);
        },
      });
    const productId = await aProduct(5);
    await spying('staff').GET('/products/{productId}/stock', { params: { path: { productId } } });
    const placed = await spying('customer').POST('/orders', {
      body: { customerId, cardToken: 'tok_visa', lines: [{ productId, quantity: 1 }] },
    });
    expect(placed.response.status).toBe(202);
    expect(sent[0]?.headers.get('x-api-key')).toBeNull();
    expect(sent[1]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('answers problems with their stable code through the SDK', async () => {
    const missing = await sdk.GET('/orders/{orderId}', { params: { path: { orderId: 'never-placed' } } });
    const unauthorized = await createClient({ baseUrl: service.baseUrl }).POST(
      '/products/{productId}/restock',
      { params: { path: { productId: 'anything' } }, body: { quantity: 1 } },
    );
    expect(missing.error).toMatchObject({ status: 404, code: 'ORDER.NOT_FOUND' });
    // The compiler knows the codes: a 404 of getOrder can only be ORDER.NOT_FOUND.
    if (missing.error?.status === 404)
      expect(missing.error.code satisfies 'ORDER.NOT_FOUND').toBe('ORDER.NOT_FOUND');
    expect(unauthorized.error).toMatchObject({ status: 401, code: 'AUTH.UNAUTHORIZED' });
  });
});
