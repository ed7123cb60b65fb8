import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { buildApp } from '../../../src/adapters/http/app.js';
import type { DependencyCheck } from '../../../src/adapters/http/health.routes.js';
import { JoseCustomerTokens, signCustomerToken } from '../../../src/adapters/jwt/jose-customer-tokens.js';
import { InMemoryApiKeyStore } from '../../../src/adapters/memory/in-memory-api-key-store.js';
import { InMemoryIdempotencyKeys } from '../../../src/adapters/memory/in-memory-idempotency-keys.js';
import { InMemorySagaControl } from '../../../src/adapters/memory/in-memory-saga-control.js';
import { createApiUseCases } from '../../../src/application/api-use-cases.js';
import type { Scope } from '../../../src/application/caller.js';
import { createMemoryWorld } from '../../support/memory-world.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';
const TOKENS = {
  issuer: 'order-saga',
  audience: 'order-saga-api',
  keys: { secret: 'test-customer-token-secret-0123456789' },
};

export type HttpWorld = Awaited<ReturnType<typeof createHttpWorld>>;

// The API over memory adapters, driven with app.inject: the saga does not run by itself (the tests
// store or move orders as a saga would), so each test sets up exactly the state it is about.
export async function createHttpWorld(
  options: { dependencies?: readonly DependencyCheck[]; rateLimitPerMinute?: number } = {},
) {
  const world = createMemoryWorld();
  const sagaControl = new InMemorySagaControl(world.sagas, world.clock);
  const idempotencyKeys = new InMemoryIdempotencyKeys();
  const useCases = createApiUseCases(
    {
      ...world.ports,
      sagaControl,
      idempotencyKeys,
      apiKeys: new InMemoryApiKeyStore(),
      registrations: world.registrations,
    },
    { cursorKey: 'test-cursor-key-0123456789', adminApiKey: ADMIN_KEY },
  );
  const app: FastifyInstance = await buildApp({
    logger: false,
    useCases,
    dependencies: options.dependencies ?? [],
    customerTokens: new JoseCustomerTokens(TOKENS),
    ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
  });

  app.addHook(
    'onSend',
    async (request, reply, payload) => undeclaredProblem(request, reply, payload) ?? payload,
  );

  // Headers of a request by that customer, with a token valid for `expiresIn`.
  async function asCustomer(customerId: string, expiresIn = '1h'): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await signCustomerToken(TOKENS, customerId, expiresIn)}` };
  }

  // Headers of a request with a new key that has these scopes.
  async function withKey(...scopes: Scope[]): Promise<Record<string, string>> {
    const { secret } = await useCases.apiKeys.create(`test ${scopes.join(' ')}`, scopes);
    return { 'x-api-key': secret };
  }

  // Runs the saga's first step, as the worker would: the order is then stored.
  async function storeOrder(orderId: string): Promise<void> {
    const saga = world.sagas.sagaOf(orderId);
    if (saga === undefined) throw new Error(`no saga for ${orderId}`);
    await useCases.createPendingOrder.execute({ ...saga.input, sagaId: saga.sagaId });
  }

  // As the customer the body names, unless the headers say who.
  async function placeOrder(body: object, headers: Record<string, string> = {}) {
    const named = (body as { customerId?: unknown }).customerId;
    const customerId = typeof named === 'string' && /^[\w-]{1,100}$/.test(named) ? named : 'customer-1';
    const who = 'authorization' in headers || 'x-api-key' in headers ? {} : await asCustomer(customerId);
    const response = await app.inject({
      method: 'POST',
      url: '/orders',
      payload: body,
      headers: { ...who, ...headers },
    });
    return { response, body: response.json() as { orderId: string; sagaId: string } };
  }

  return {
    ...world,
    app,
    useCases,
    sagaControl,
    idempotencyKeys,
    storeOrder,
    placeOrder,
    asCustomer,
    withKey,
  };
}

export function anOrderBody(overrides: Record<string, unknown> = {}) {
  return {
    customerId: 'customer-1',
    cardToken: 'tok_visa',
    lines: [{ productId: 'kb-ergo', quantity: 2 }],
    ...overrides,
  };
}

type ProblemResponseSchema = {
  content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }>;
};

// Every problem a route answers in these tests must be one its OpenAPI operation declares, with its
// status and its code: else the answer is replaced by one that names what is missing, and the test fails.
function undeclaredProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): string | undefined {
  if (!String(reply.getHeader('content-type')).startsWith('application/problem+json')) return undefined;
  const route = request.routeOptions;
  if (route.url === undefined || reply.statusCode === 500) return undefined;
  const code = (JSON.parse(String(payload)) as { code: string }).code;
  const responses = (route.schema?.response ?? {}) as Record<string, ProblemResponseSchema>;
  const declared =
    responses[reply.statusCode]?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code
      ?.enum;
  if (declared?.includes(code)) return undefined;
  return JSON.stringify({
    code: 'UNDECLARED',
    detail: `${route.method} ${route.url} answered ${reply.statusCode} ${code}, which its schema does not declare`,
  });
}
