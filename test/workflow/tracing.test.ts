import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracingPlugin } from '../../src/adapters/http/tracing.plugin.js';
import { InMemoryCustomerRepository } from '../../src/adapters/memory/in-memory-customer-repository.js';
import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { InMemoryOrderRepository } from '../../src/adapters/memory/in-memory-order-repository.js';
import { InMemoryPaymentGateway } from '../../src/adapters/memory/in-memory-payment-gateway.js';
import { InMemoryPaymentRepository } from '../../src/adapters/memory/in-memory-payment-repository.js';
import { InMemoryProductCatalog } from '../../src/adapters/memory/in-memory-product-catalog.js';
import { traced } from '../../src/adapters/observability/traced-ports.js';
import { startTracing, type Tracing } from '../../src/adapters/observability/tracing.js';
import { SystemClock } from '../../src/adapters/system/system-clock.js';
import { UuidIdGenerator } from '../../src/adapters/system/uuid-id-generator.js';
import { createActivities } from '../../src/adapters/temporal/activities.js';
import { TemporalSagaStarter } from '../../src/adapters/temporal/temporal-saga-starter.js';
import { clientTracingInterceptors } from '../../src/adapters/temporal/tracing-interceptors.js';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import type { PlaceOrderInput } from '../../src/application/place-order.js';
import { createUseCases, type Ports } from '../../src/application/use-cases.js';
import { testDataConverter } from '../support/temporal.js';
import { shipAndDeliverWhenAsked } from './support/fulfilment.js';
import { SagaEnv } from './support/saga-env.js';

// One trace per order: from the HTTP request that places it, through the start of its saga, the
// workflow and each activity, down to each call to a repository, the inventory and the gateway. The
// use-cases run for real over the memory adapters; the spans go to memory, nothing leaves the process.
describe('a trace per order', () => {
  const exporter = new InMemorySpanExporter();
  let saga: SagaEnv;
  let tracing: Tracing;

  beforeAll(async () => {
    saga = await SagaEnv.start();
    tracing = startTracing({ serviceName: 'test', otlpEndpoint: null, exporter });
  });

  afterAll(async () => {
    await tracing?.shutdown();
    await saga?.teardown();
  });

  // Places an order through a Fastify route and runs its saga to delivery; the saga is started traced
  // or not (its memo, workflow-tracing.ts).
  async function placeAndDeliver(tracedSaga: boolean) {
    const taskQueue = saga.nextTaskQueue();
    const client = new Client({
      connection: saga.env.connection,
      namespace: saga.env.namespace ?? 'default',
      dataConverter: testDataConverter(),
      interceptors: clientTracingInterceptors(),
    });
    const ports: Ports = {
      orders: new InMemoryOrderRepository(),
      payments: new InMemoryPaymentRepository(),
      catalog: new InMemoryProductCatalog(),
      customers: new InMemoryCustomerRepository(),
      inventory: new InMemoryInventory(),
      gateway: new InMemoryPaymentGateway(),
      sagas: new TemporalSagaStarter(client, taskQueue, { traced: tracedSaga }),
      clock: new SystemClock(),
      ids: new UuidIdGenerator(),
    };
    const api = createUseCases(ports);
    const worker = createUseCases({
      ...ports,
      orders: traced(ports.orders, 'orders'),
      inventory: traced(ports.inventory, 'inventory'),
      gateway: traced(ports.gateway, 'gateway'),
    });
    await api.registerProduct.execute({ id: 'p-1', name: 'P', unitPrice: { amount: 500, currency: 'EUR' } });
    await api.restockProduct.execute({ productId: 'p-1', quantity: 3 });
    const app = Fastify();
    await app.register(tracingPlugin);
    app.post<{ Body: PlaceOrderInput }>('/orders', async (request, reply) =>
      reply.code(202).send(await api.placeOrder.execute(request.body)),
    );
    exporter.reset();

    const result = await saga.withWorker(
      taskQueue,
      createActivities(worker),
      async () => {
        const placed = await app.inject({
          method: 'POST',
          url: '/orders',
          payload: { customerId: 'c-1', cardToken: 'tok_visa', lines: [{ productId: 'p-1', quantity: 1 }] },
        });
        // Watched with the test's own client, so that the polls start no traces of their own.
        const handle = saga.env.client.workflow.getHandle(
          sagaIdOf(placed.json<{ orderId: string }>().orderId),
        );
        await shipAndDeliverWhenAsked(saga.env, handle);
        return handle.result();
      },
      { spans: tracing },
    );

    await app.close();
    return { result, all: exporter.getFinishedSpans() };
  }

  it('follows an order from POST /orders to the last gateway call of its saga', async () => {
    const { result, all } = await placeAndDeliver(true);
    expect(result.status).toBe('DELIVERED');
    // The warehouse's shipment and delivery come without a trace of their own and start new ones.
    const order = all.find((span) => span.name === 'POST /orders')?.spanContext().traceId;
    const spans = all.filter((span) => span.spanContext().traceId === order);
    expect(spans.filter((span) => span.name.startsWith('RunActivity:'))).toHaveLength(8);
    const names = spans.map((span) => span.name);
    for (const name of [
      'POST /orders',
      'StartWorkflow:orderSaga',
      'RunWorkflow:orderSaga',
      'RunActivity:reserveStock',
      'inventory.reserve',
      'RunActivity:capturePayment',
      'gateway.capture',
      'orders.save',
      'RunActivity:deliverOrder',
    ]) {
      expect(names).toContain(name);
    }
    expect(parentOf(spans, 'gateway.capture')?.name).toBe('RunActivity:capturePayment');
    expect(parentOf(spans, 'StartWorkflow:orderSaga')?.name).toBe('POST /orders');
  });

  // What the API does when it exports no traces: the workflow makes no spans, which spares the worker
  // their cost; each activity still makes its own (the worker's tracing is its own setting).
  it('makes no workflow spans for a saga started untraced', async () => {
    const { result, all } = await placeAndDeliver(false);

    expect(result.status).toBe('DELIVERED');
    const names = all.map((span) => span.name);
    expect(names).toContain('POST /orders');
    expect(names).toContain('StartWorkflow:orderSaga');
    expect(names.filter((name) => name.startsWith('RunActivity:'))).toHaveLength(8);
    expect(
      names.filter((name) => name.includes('Workflow:orderSaga') && name !== 'StartWorkflow:orderSaga'),
    ).toEqual([]);
    expect(names.filter((name) => name.startsWith('StartActivity:'))).toEqual([]);
  });
});

function parentOf(spans: readonly ReadableSpan[], name: string): ReadableSpan | undefined {
  const child = spans.find((span) => span.name === name);
  return spans.find((span) => span.spanContext().spanId === child?.parentSpanId);
}
