import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface OrderLogOptions {
  // The saga of an order (the Temporal adapter's sagaIdOf), passed in so http/ imports no sibling.
  readonly sagaIdOf: (orderId: string) => string;
}

// Every line a request about an order writes, Fastify's own "request completed" included, carries the
// orderId and sagaId, as the worker's and the gateway's lines do: one search follows an order through
// all three. For /orders/:orderId they are known before the handler; for POST /orders once it answered.
export const orderLogPlugin = fp<OrderLogOptions>(
  async (app, { sagaIdOf }) => {
    const bind = (request: FastifyRequest, reply: FastifyReply, orderId: string, sagaId: string) => {
      const log = request.log.child({ orderId, sagaId });
      request.log = log;
      reply.log = log;
    };

    app.addHook('preHandler', async (request, reply) => {
      const orderId = (request.params as { orderId?: unknown } | undefined)?.orderId;
      if (typeof orderId === 'string') bind(request, reply, orderId, sagaIdOf(orderId));
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'POST' || request.routeOptions.url !== '/orders' || reply.statusCode !== 202) {
        return payload;
      }
      if (typeof payload === 'string') {
        const placed = JSON.parse(payload) as { orderId?: unknown; sagaId?: unknown };
        if (typeof placed.orderId === 'string' && typeof placed.sagaId === 'string') {
          bind(request, reply, placed.orderId, placed.sagaId);
          reply.log.info('order placed');
        }
      }
      return payload;
    });
  },
  { name: 'order-saga-order-log', fastify: '5.x' },
);
