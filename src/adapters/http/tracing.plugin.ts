import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const tracer = trace.getTracer('order-saga-api');

// A server span per request, continuing the caller's trace (a traceparent header) when there is one.
// The request runs inside the span's context, so the Temporal client's interceptor makes the saga it
// starts a child of this request: one trace from POST /orders to the last activity of the saga.
// With tracing off (no OpenTelemetry provider registered) the spans are no-ops.
export const tracingPlugin = fp(
  async (app) => {
    const spans = new WeakMap<FastifyRequest, Span>();

    app.addHook('onRequest', (request, _reply, done) => {
      const parent = propagation.extract(context.active(), request.headers);
      const span = tracer.startSpan(
        request.method,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } },
        parent,
      );
      spans.set(request, span);
      context.with(trace.setSpan(parent, span), done);
    });

    app.addHook('onResponse', async (request, reply) => {
      const span = spans.get(request);
      if (span === undefined) return;
      const route = request.routeOptions.url;
      if (route !== undefined) {
        span.updateName(`${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
  },
  { name: 'order-saga-tracing', fastify: '5.x' },
);
