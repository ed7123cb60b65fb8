import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { PostgresApiKeyStore } from '../../src/adapters/postgres/postgres-api-key-store.js';
import { SystemClock } from '../../src/adapters/system/system-clock.js';
import { ApiKeys } from '../../src/application/api-keys.js';
import { SCOPES, type Scope } from '../../src/application/caller.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY, eventually } from './api-service.js';

// Issue 14: every route against every kind of caller, on the running service and the real stack.
type CallerName = 'none' | 'customer A' | 'customer B' | Scope | 'admin key';
const CALLERS: readonly CallerName[] = ['none', 'customer A', 'customer B', ...SCOPES, 'admin key'];

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: () => string;
  readonly body?: () => object;
  // The status each caller gets; callers not named get `otherwise`.
  readonly expected: Partial<Record<CallerName, number>> & { otherwise: number };
}

describe('who may do what (issue 14)', () => {
  let service: ApiService;
  let orm: MikroORM;
  const headers = new Map<CallerName, Record<string, string>>();
  const customerA = uniqueName('customer-a');
  const customerB = uniqueName('customer-b');
  const productId = uniqueName('access-p');
  let orderOfA = '';

  beforeAll(async () => {
    // A slow card keeps A's order in flight (authorizing) for the whole table, so that A's own
    // cancellation, last, is a 202.
    service = await ApiService.start({ slowDelayMs: 120_000 });
    orm = new MikroORM(postgresOrmConfig(service.config.databaseUrl));
    const keys = new ApiKeys({ apiKeys: new PostgresApiKeyStore(orm), clock: new SystemClock() });
    headers.set('none', {});
    headers.set('customer A', await service.asCustomer(customerA));
    headers.set('customer B', await service.asCustomer(customerB));
    for (const scope of SCOPES) {
      headers.set(scope, { 'x-api-key': (await keys.create(`e2e ${scope}`, [scope])).secret });
    }
    headers.set('admin key', { 'x-api-key': E2E_ADMIN_KEY });
    const admin = headers.get('admin key');
    await send('PUT', `/products/${productId}`, admin, { name: 'Keyboard', unitPrice: amount(1250) });
    await send('POST', `/products/${productId}/restock`, admin, { quantity: 100 });
    const placed = await send('POST', '/orders', headers.get('customer A'), anOrder(customerA, 'tok_slow'));
    expect(placed.status).toBe(202);
    orderOfA = ((await placed.json()) as { orderId: string }).orderId;
    const registered = await send('POST', '/customers', headers.get('customer A'), aCustomer());
    expect(registered.status).toBe(202);
    await eventually(
      () => send('GET', `/customers/${customerA}`, headers.get('customer A')),
      (answer) => answer.status === 200,
    );
  });
  afterAll(async () => {
    await orm?.close(true);
    await service?.stop();
  });

  const routes: Route[] = [
    { name: 'GET /health/live', method: 'GET', url: () => '/health/live', expected: { otherwise: 200 } },
    { name: 'GET /health/ready', method: 'GET', url: () => '/health/ready', expected: { otherwise: 200 } },
    { name: 'GET /openapi.json', method: 'GET', url: () => '/openapi.json', expected: { otherwise: 200 } },
    {
      name: 'GET /products/{id}',
      method: 'GET',
      url: () => `/products/${productId}`,
      expected: { otherwise: 200 },
    },
    {
      name: 'GET /products/{id}/stock',
      method: 'GET',
      url: () => `/products/${productId}/stock`,
      expected: { otherwise: 200 },
    },
    {
      name: 'PUT /products/{id}',
      method: 'PUT',
      url: () => `/products/${productId}`,
      body: () => ({ name: 'Keyboard', unitPrice: amount(1250) }),
      expected: { none: 401, 'catalog:write': 200, 'admin key': 200, otherwise: 403 },
    },
    {
      name: 'POST /products/{id}/restock',
      method: 'POST',
      url: () => `/products/${productId}/restock`,
      body: () => ({ quantity: 1 }),
      expected: { none: 401, 'catalog:write': 200, 'admin key': 200, otherwise: 403 },
    },
    {
      name: "POST /orders for customer A's account",
      method: 'POST',
      url: () => '/orders',
      body: () => anOrder(customerA, 'tok_visa'),
      expected: { none: 401, 'customer A': 202, otherwise: 403 },
    },
    {
      name: 'POST /customers',
      method: 'POST',
      url: () => '/customers',
      body: aCustomer,
      expected: { none: 401, 'customer A': 202, 'customer B': 202, otherwise: 403 },
    },
    {
      name: 'GET /customers/{A}',
      method: 'GET',
      url: () => `/customers/${customerA}`,
      expected: {
        none: 401,
        'customer A': 200,
        'customer B': 404,
        'orders:read-all': 200,
        'admin key': 200,
        otherwise: 403,
      },
    },
    {
      name: "GET /orders/{A's order}",
      method: 'GET',
      url: () => `/orders/${orderOfA}`,
      expected: {
        none: 401,
        'customer A': 200,
        'customer B': 404,
        'orders:read-all': 200,
        'admin key': 200,
        otherwise: 403,
      },
    },
    {
      name: 'GET /orders',
      method: 'GET',
      url: () => '/orders',
      expected: {
        none: 401,
        'customer A': 200,
        'customer B': 200,
        'orders:read-all': 200,
        'admin key': 200,
        otherwise: 403,
      },
    },
    {
      name: "POST /orders/{A's order}/compensation/retry",
      method: 'POST',
      url: () => `/orders/${orderOfA}/compensation/retry`,
      // The saga is not stuck: the caller may ask, and is told there is nothing to retry.
      expected: { none: 401, 'ops:compensation': 409, 'admin key': 409, otherwise: 403 },
    },
    {
      // A's order is still in flight (a slow card): the warehouse may ask, and is told it cannot ship.
      name: "POST /orders/{A's order}/shipment",
      method: 'POST',
      url: () => `/orders/${orderOfA}/shipment`,
      body: () => ({ carrier: 'DHL', trackingNumber: 'JD0146' }),
      expected: { none: 401, 'warehouse:fulfil': 409, 'admin key': 409, otherwise: 403 },
    },
    {
      name: "POST /orders/{A's order}/delivery",
      method: 'POST',
      url: () => `/orders/${orderOfA}/delivery`,
      expected: { none: 401, 'warehouse:fulfil': 409, 'admin key': 409, otherwise: 403 },
    },
    {
      name: 'GET /metrics on the public port',
      method: 'GET',
      url: () => '/metrics',
      expected: { otherwise: 404 },
    },
    {
      // Last: A's own cancellation changes the order.
      name: "POST /orders/{A's order}/cancel",
      method: 'POST',
      url: () => `/orders/${orderOfA}/cancel`,
      expected: { none: 401, 'customer B': 404, 'customer A': 202, otherwise: 403 },
    },
  ];

  // A's cancellation must come after every other caller's attempt on it.
  const byCaller = (route: Route) =>
    route.name.endsWith('/cancel')
      ? [...CALLERS.filter((caller) => caller !== 'customer A'), 'customer A' as const]
      : CALLERS;
  const rows = routes.flatMap((route) =>
    byCaller(route).map((caller) => ({
      route,
      caller,
      status: route.expected[caller] ?? route.expected.otherwise,
    })),
  );

  it.each(rows)('$route.name as $caller: $status', async ({ route, caller, status }) => {
    const answer = await send(route.method, route.url(), headers.get(caller), route.body?.());
    const text = await answer.text();
    expect(answer.status, text).toBe(status);
    if (status >= 400 && route.name !== 'GET /metrics on the public port') {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it("lists only the customer's own orders to a customer, even when asked for another's", async () => {
    const ofB = await send('GET', `/orders?customerId=${customerA}`, headers.get('customer B'));
    const ofA = await send('GET', '/orders', headers.get('customer A'));
    expect(((await ofB.json()) as { items: unknown[] }).items).toEqual([]);
    const items = ((await ofA.json()) as { items: { customerId: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((order) => order.customerId === customerA)).toBe(true);
  });

  it('refuses a token that does not verify and a revoked key with 401', async () => {
    const forged = `${(headers.get('customer A')?.authorization ?? '').slice(0, -4)}AAAA`;
    const keys = new ApiKeys({ apiKeys: new PostgresApiKeyStore(orm), clock: new SystemClock() });
    const { key, secret } = await keys.create('e2e revoked', ['orders:read-all']);
    await keys.revoke(key.id);
    expect((await send('GET', '/orders', { authorization: forged })).status).toBe(401);
    expect((await send('GET', '/orders', { 'x-api-key': secret })).status).toBe(401);
  });

  // Issue 14's reproductions, on PostgreSQL: they answered 500 and 503.
  it.each([
    ['WyIwMDAwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJhIl0'],
    ['WyIyMDMwLTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJhXHUwMDAwYiJd'],
  ])('answers the crafted cursor %s with 400', async (cursor) => {
    const answer = await send('GET', `/orders?cursor=${cursor}`, headers.get('orders:read-all'));
    expect(answer.status).toBe(400);
  });

  async function send(method: string, path: string, who: Record<string, string> = {}, body?: object) {
    return fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { ...who, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  function aCustomer() {
    return { name: 'Ada Lovelace', email: 'ada@example.com', cardToken: 'tok_visa' };
  }

  function anOrder(customerId: string, cardToken: string) {
    return { customerId, cardToken, lines: [{ productId, quantity: 1 }] };
  }
});

function amount(minor: number) {
  return { amount: minor, currency: 'EUR' };
}
