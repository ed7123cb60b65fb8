import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import type { PlacedOnce } from '../../application/place-order-once.js';
import { orderBody, progressBody } from './order-body.js';
import { IdempotencyHeaders } from './schemas/common.schema.js';
import {
  CancellationAcceptedSchema,
  ListOrdersQuery,
  OrderAcceptedSchema,
  OrderPageSchema,
  OrderParams,
  OrderWithProgressSchema,
  PlaceOrderBody,
} from './schemas/order.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import { ref } from './schemas/ref.js';

export function orderRoutes(useCases: ApiUseCases): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/orders',
      {
        schema: {
          operationId: 'placeOrder',
          tags: ['orders'],
          summary: 'Place an order',
          description:
            'Prices the lines from the catalogue (a client never sends prices), starts the order saga and answers at once, without waiting for it: reserve the stock, authorize the card, capture, confirm. Follow the order with GET /orders/{orderId}.',
          headers: IdempotencyHeaders,
          body: PlaceOrderBody,
          response: {
            202: {
              ...ref(OrderAcceptedSchema),
              description: 'Placed; the saga runs. `Location` names the order.',
            },
            ...problemResponses(400, 404, 409, 413, 422, 503),
          },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const placed: PlacedOnce =
          key === undefined
            ? { output: await useCases.placeOrder.execute(request.body), replayed: false }
            : await useCases.placeOrderOnce.execute({ idempotencyKey: key, order: request.body });
        reply.code(202).header('location', `/orders/${placed.output.orderId}`);
        if (placed.replayed) reply.header('idempotent-replayed', 'true');
        return { ...placed.output, status: 'PENDING' as const };
      },
    );

    app.get(
      '/orders/:orderId',
      {
        schema: {
          operationId: 'getOrder',
          tags: ['orders'],
          summary: "An order and its saga's progress",
          description:
            'Right after POST /orders the saga may not have stored the order yet: it is then shown PENDING, as placed. `progress` is null when Temporal cannot be asked just now.',
          params: OrderParams,
          response: { 200: ref(OrderWithProgressSchema), ...problemResponses(400, 404, 503) },
        },
      },
      async (request) => {
        const { order, progress } = await useCases.trackOrder.execute(request.params);
        return { ...orderBody(order), progress: progressBody(progress) };
      },
    );

    app.post(
      '/orders/:orderId/cancel',
      {
        schema: {
          operationId: 'cancelOrder',
          tags: ['orders'],
          summary: 'Cancel an order still in flight',
          description:
            'Asks the saga to stop: it undoes what it did (payment, stock) and the order becomes CANCELLED. Too late (409 ORDER.NOT_CANCELLABLE) once the payment is being captured or the saga is over.',
          params: OrderParams,
          response: { 202: ref(CancellationAcceptedSchema), ...problemResponses(400, 404, 409, 503) },
        },
      },
      async (request, reply) => {
        const { orderId } = await useCases.requestCancellation.execute(request.params);
        reply.code(202);
        return { orderId, cancellation: 'REQUESTED' as const };
      },
    );

    app.get(
      '/orders',
      {
        schema: {
          operationId: 'listOrders',
          tags: ['orders'],
          summary: 'List orders, newest first',
          querystring: ListOrdersQuery,
          response: { 200: ref(OrderPageSchema), ...problemResponses(400, 503) },
        },
      },
      async (request) => {
        const { orders, nextCursor } = await useCases.listOrders.execute(request.query);
        return { items: orders.map(orderBody), nextCursor };
      },
    );
  };
}
