import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
}

// A trace collector on a loopback port: takes OTLP/HTTP JSON as the worker's exporter sends it.
async function startCollector(): Promise<{ server: Server; endpoint: string; spans: OtlpSpan[] }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        spans.push(...body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

// The worker exports its spans by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set: a saga is one trace,
// from its workflow down to each database and gateway call.
describe("the worker's traces", () => {
  const world = new SagaWorld({ traced: true });
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    await world.resources.prepare();
    collector = await startCollector();
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await new Promise((resolve) => collector?.server.close(resolve));
    await world.close();
  });

  it('sends one trace per saga to the configured OTLP endpoint', async () => {
    worker = await WorkerProcess.start(world.config, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint });
    const productId = await world.product(2);
    const { orderId } = await world.useCases.placeOrder.execute({
      customerId: 'c-traced',
      cardToken: 'tok_visa',
      lines: [{ productId, quantity: 1 }],
    });
    expect((await world.sagaResult(orderId)).status).toBe('CONFIRMED');
    // The workflow's span ends with the saga: the warehouse ships and delivers the order.
    await world.apiUseCases.recordFulfilment.shipped(orderId, { carrier: 'DHL', trackingNumber: 'T1' });
    await world.apiUseCases.recordFulfilment.delivered(orderId);
    expect((await world.sagaEnd(orderId)).status).toBe('DELIVERED');
    // Stopping the worker flushes the spans it still buffers.
    await worker.kill('SIGTERM');

    const saga = collector.spans.find((span) => span.name === 'RunWorkflow:orderSaga');
    expect(saga).toBeDefined();
    const trace = collector.spans.filter((span) => span.traceId === saga?.traceId);
    const names = trace.map((span) => span.name);
    for (const name of ['RunActivity:createPendingOrder', 'orders.save', 'RunActivity:authorizePayment']) {
      expect(names).toContain(name);
    }
    expect(names).toContain('gateway.authorize');
    expect(names).toContain('inventory.reserve');
  });
});
