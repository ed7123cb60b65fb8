import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/adapters/http/app.js';
import type { DependencyCheck } from '../../../src/adapters/http/health.routes.js';
import { InMemoryIdempotencyKeys } from '../../../src/adapters/memory/in-memory-idempotency-keys.js';
import { InMemorySagaControl } from '../../../src/adapters/memory/in-memory-saga-control.js';
import { createApiUseCases } from '../../../src/application/api-use-cases.js';
import { createMemoryWorld } from '../../support/memory-world.js';

export const ADMIN_KEY = 'test-admin-key-0123456789';

export type HttpWorld = Awaited<ReturnType<typeof createHttpWorld>>;

// The API over memory adapters, driven with app.inject: the saga does not run by itself (the tests
// store or move orders as a saga would), so each test sets up exactly the state it is about.
export async function createHttpWorld(options: { dependencies?: readonly DependencyCheck[] } = {}) {
  const world = createMemoryWorld();
  const sagaControl = new InMemorySagaControl(world.sagas, world.clock);
  const idempotencyKeys = new InMemoryIdempotencyKeys();
  const useCases = createApiUseCases(
    { ...world.ports, sagaControl, idempotencyKeys },
    { cursorKey: 'test-cursor-key-0123456789' },
  );
  const app: FastifyInstance = await buildApp({
    logger: false,
    useCases,
    dependencies: options.dependencies ?? [],
    adminApiKey: ADMIN_KEY,
  });

  // Runs the saga's first step, as the worker would: the order is then stored.
  async function storeOrder(orderId: string): Promise<void> {
    const saga = world.sagas.sagaOf(orderId);
    if (saga === undefined) throw new Error(`no saga for ${orderId}`);
    await useCases.createPendingOrder.execute({ ...saga.input, sagaId: saga.sagaId });
  }

  async function placeOrder(body: object, headers: Record<string, string> = {}) {
    const response = await app.inject({ method: 'POST', url: '/orders', payload: body, headers });
    return { response, body: response.json() as { orderId: string; sagaId: string } };
  }

  return { ...world, app, useCases, sagaControl, idempotencyKeys, storeOrder, placeOrder };
}

export function anOrderBody(overrides: Record<string, unknown> = {}) {
  return {
    customerId: 'customer-1',
    cardToken: 'tok_visa',
    lines: [{ productId: 'kb-ergo', quantity: 2 }],
    ...overrides,
  };
}
