import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tracingPlugin } from '../../../src/adapters/http/tracing.plugin.js';
import { traced } from '../../../src/adapters/observability/traced-ports.js';
import { startTracing, type Tracing } from '../../../src/adapters/observability/tracing.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';

describe('tracing of HTTP requests and port calls', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let app: FastifyInstance;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: 'test', otlpEndpoint: null, exporter });
    const orders = traced(
      {
        async save(id: string) {
          if (id === 'bad') throw new Error('database down');
          return id;
        },
      },
      'orders',
    );
    app = Fastify();
    await app.register(tracingPlugin);
    app.get<{ Params: { orderId: string } }>('/orders/:orderId', async (request) => ({
      saved: await orders.save(request.params.orderId),
    }));
  });

  afterAll(async () => {
    await app?.close();
    await tracing?.shutdown();
  });

  beforeEach(() => exporter.reset());

  it("continues the caller's trace, with the port call as a child of the request's span", async () => {
    await app.inject({ url: '/orders/o-1', headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` } });

    const spans = exporter.getFinishedSpans();
    const server = spans.find((span) => span.name === 'GET /orders/:orderId');
    const save = spans.find((span) => span.name === 'orders.save');
    expect(server?.spanContext().traceId).toBe(TRACE_ID);
    expect(server?.parentSpanId).toBe(CALLER_SPAN);
    expect(server?.attributes).toMatchObject({
      'http.route': '/orders/:orderId',
      'http.response.status_code': 200,
    });
    expect(save?.spanContext().traceId).toBe(TRACE_ID);
    expect(save?.parentSpanId).toBe(server?.spanContext().spanId);
  });

  it('marks a failed port call and a 500 as errors, and lets the error through', async () => {
    const answer = await app.inject('/orders/bad');

    expect(answer.statusCode).toBe(500);
    const spans = exporter.getFinishedSpans();
    expect(spans.find((span) => span.name === 'orders.save')?.status).toMatchObject({ code: 2 });
    expect(spans.find((span) => span.name === 'GET /orders/:orderId')?.status).toMatchObject({ code: 2 });
  });

  it('is off, with no provider registered, when no endpoint is configured', () => {
    expect(startTracing({ serviceName: 'test', otlpEndpoint: null }).enabled).toBe(false);
  });
});
