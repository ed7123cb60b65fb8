import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface MetricsPluginOptions {
  // Where the API's metrics live; a registry of its own by default, so two apps in one process (tests)
  // do not share counters.
  readonly registry?: Registry;
  // Whether this app serves GET /metrics itself. The API does not: its metrics are served on a port
  // of their own (API_METRICS_PORT), never to the public.
  readonly exposeRoute?: boolean;
}

// Routes are labelled by their pattern (/orders/:orderId), never by the URL, which would make a series
// per order; a URL no route matched is `unmatched`.
const UNMATCHED = 'unmatched';

// GET /metrics for Prometheus, and what the API measures: every request's duration by route and status,
// and the orders it accepted (POST /orders answered 202, an Idempotency-Key replay not counted again).
export const metricsPlugin = fp<MetricsPluginOptions>(
  async (app, options) => {
    const registry = options.registry ?? new Registry();
    const registers = [registry];
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'order_saga_http_request_duration_seconds',
      help: 'Time the API took to answer, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const placed = new Counter({
      name: 'order_saga_orders_placed_total',
      help: 'Orders the API accepted and started a saga for.',
      registers,
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      const labels = { method: request.method, route, status_code: String(reply.statusCode) };
      duration.observe(labels, reply.elapsedTime / 1000);
      const replayed = reply.getHeader('idempotent-replayed') !== undefined;
      if (request.method === 'POST' && route === '/orders' && reply.statusCode === 202 && !replayed) {
        placed.inc();
      }
    });

    if (options.exposeRoute === false) return;
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'order-saga-metrics', fastify: '5.x' },
);
