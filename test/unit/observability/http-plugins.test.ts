import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsPlugin } from '../../../src/adapters/http/metrics.plugin.js';
import { orderLogPlugin } from '../../../src/adapters/http/order-log.plugin.js';
import { familiesOf, parseExposition, sampleSum } from '../../support/prometheus-text.js';

// Stand-ins for the API's order routes: what the plugins see of them is a route pattern, a status and
// a body.
function orderRoutes(app: FastifyInstance): void {
  app.post<{ Body: { replay?: boolean } }>('/orders', async (request, reply) => {
    reply.code(202);
    if (request.body.replay === true) reply.header('idempotent-replayed', 'true');
    return { orderId: 'o-8', sagaId: 'order-o-8', status: 'PENDING' };
  });
  app.get<{ Params: { orderId: string } }>('/orders/:orderId', async (request) => ({
    orderId: request.params.orderId,
  }));
}

describe('the API metrics plugin', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  it('counts placed orders once, an Idempotency-Key replay not again, nor a refused order', async () => {
    app = Fastify();
    await app.register(metricsPlugin);
    orderRoutes(app);
    app.post('/refused', async (_request, reply) => reply.code(409).send({}));

    await app.inject({ method: 'POST', url: '/orders', payload: {} });
    await app.inject({ method: 'POST', url: '/orders', payload: { replay: true } });
    await app.inject({ method: 'POST', url: '/refused', payload: {} });
    const samples = parseExposition((await app.inject('/metrics')).body);

    expect(sampleSum(samples, 'order_saga_orders_placed_total')).toBe(1);
  });

  it('times requests by route pattern and status, never by URL', async () => {
    app = Fastify();
    await app.register(metricsPlugin);
    orderRoutes(app);

    await app.inject('/orders/o-1');
    await app.inject('/orders/o-2');
    await app.inject('/no-such-route');
    const text = (await app.inject('/metrics')).body;
    const samples = parseExposition(text);

    const count = 'order_saga_http_request_duration_seconds_count';
    expect(sampleSum(samples, count, { route: '/orders/:orderId', status_code: '200', method: 'GET' })).toBe(
      2,
    );
    expect(sampleSum(samples, count, { route: 'unmatched', status_code: '404' })).toBe(1);
    expect(text).not.toContain('o-1');
    // The process's own metrics are exposed too. Their CPU counts from the plugin's registration, which
    // can be 0 this soon on a kernel that accounts CPU in 10 ms ticks (a CI run saw 0).
    expect(familiesOf(text)).toContain('process_cpu_user_seconds_total');
    expect(sampleSum(samples, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });
});

describe('the API order log plugin', () => {
  let app: FastifyInstance;
  afterEach(() => app?.close());

  async function appLogging() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    app = Fastify({ logger: { level: 'info', stream } });
    await app.register(orderLogPlugin, { sagaIdOf: (orderId) => `order-${orderId}` });
    orderRoutes(app);
    return lines;
  }

  it("puts the orderId and sagaId on a request about an order, Fastify's own lines included", async () => {
    const lines = await appLogging();

    await app.inject('/orders/o-7');

    expect(lines.find((line) => line.msg === 'request completed')).toMatchObject({
      orderId: 'o-7',
      sagaId: 'order-o-7',
    });
  });

  it('logs a placed order with the ids its answer gave it', async () => {
    const lines = await appLogging();

    await app.inject({ method: 'POST', url: '/orders', payload: {} });

    for (const msg of ['order placed', 'request completed']) {
      expect(lines.find((line) => line.msg === msg)).toMatchObject({ orderId: 'o-8', sagaId: 'order-o-8' });
    }
  });
});
