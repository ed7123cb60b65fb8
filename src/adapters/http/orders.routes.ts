import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { requireSelf } from '../../application/caller.js';
import type { PlacedOnce } from '../../application/place-order-once.js';
import { allow } from './authentication.plugin.js';
import { orderBody, progressBody } from './order-body.js';
import { IdempotencyHeaders, REPLAYED } from './schemas/common.schema.js';
import {
  CancellationAcceptedSchema,
  CompensationRetryAcceptedSchema,
  ListOrdersQuery,
  OrderAcceptedSchema,
  OrderPageSchema,
  OrderParams,
  OrderWithProgressSchema,
  PlaceOrderBody,
} from './schemas/order.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import { ref } from './schemas/ref.js';
import {
  BODY,
  GUARDED,
  INVALID_PATH,
  LIMITED,
  PATH_PARAMETER,
  READ_UNAVAILABLE,
  WRITE_UNAVAILABLE,
} from './schemas/route-errors.js';
import { API_KEY, CUSTOMER, callerOf } from './security.js';

const customers = allow({ customers: true });
const customersOrReaders = allow({ customers: true, scopes: ['orders:read-all'] });

const LOCATION = {
  type: 'string',
  description: 'The path of the order: GET it to follow the saga.',
  examples: ['/orders/c0ffee00-0000-4000-8000-000000000001'],
};

export function orderRoutes(useCases: ApiUseCases): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/orders',
      {
        onRequest: customers,
        schema: {
          operationId: 'placeOrder',
          tags: ['orders'],
          summary: 'Place an order',
          description:
            'Prices the lines from the catalogue (a client never sends prices), starts the order saga and answers at once, without waiting for it: reserve the stock, authorize the card (or the saved payment method), capture, confirm; then wait for the warehouse to ship (before the shipping deadline, else refund and cancel) and deliver. Follow the order with GET /orders/{orderId}. An `Idempotency-Key` is kept only once the order was accepted (202): a refused order (400, 404, 422) leaves it free for the corrected request; after a 503 it stays reserved for a retry of the same request. Needs a customer token: `customerId` must be its subject (403 otherwise).',
          security: [CUSTOMER],
          headers: IdempotencyHeaders,
          body: ref(PlaceOrderBody),
          response: {
            202: {
              ...ref(OrderAcceptedSchema),
              description: 'Placed; the saga runs. `Location` names the order.',
              headers: { Location: LOCATION, 'Idempotent-Replayed': REPLAYED },
            },
            ...problemResponses({
              400: [
                'VALIDATION.INVALID_FIELD',
                'VALIDATION.INVALID_QUANTITY',
                'VALIDATION.EMPTY_ORDER',
                'VALIDATION.DUPLICATE_LINE',
                'REQUEST.MALFORMED',
              ],
              ...GUARDED,
              404: ['PRODUCT.NOT_FOUND', 'PAYMENT_METHOD.NOT_FOUND'],
              409: ['IDEMPOTENCY.KEY_REUSED'],
              ...BODY,
              422: ['VALIDATION.CURRENCY_MISMATCH'],
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request, reply) => {
        requireSelf(callerOf(request), request.body.customerId);
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
        onRequest: customersOrReaders,
        schema: {
          operationId: 'getOrder',
          tags: ['orders'],
          summary: "An order and its saga's progress",
          description:
            'Right after POST /orders the saga may not have stored the order yet: it is then shown PENDING, as placed. `progress` is null when Temporal cannot be asked just now. A customer sees their own orders; a key with `orders:read-all` sees any.',
          security: [CUSTOMER, API_KEY],
          params: OrderParams,
          response: {
            200: { ...ref(OrderWithProgressSchema), description: "The order and its saga's progress." },
            ...problemResponses({
              400: INVALID_PATH,
              ...GUARDED,
              404: ['ORDER.NOT_FOUND'],
              ...PATH_PARAMETER,
              ...LIMITED,
              ...READ_UNAVAILABLE,
            }),
          },
        },
      },
      async (request) => {
        const { order, progress } = await useCases.trackOrder.execute({
          ...request.params,
          caller: callerOf(request),
        });
        return { ...orderBody(order), progress: progressBody(progress) };
      },
    );

    app.post(
      '/orders/:orderId/cancel',
      {
        onRequest: customers,
        schema: {
          operationId: 'cancelOrder',
          tags: ['orders'],
          summary: 'Cancel an order still in flight',
          description:
            'Asks the saga to stop: it undoes what it did (payment, stock) and the order becomes CANCELLED. Too late (409 ORDER.NOT_CANCELLABLE) while the payment is being captured and the order confirmed, once the order has shipped, or once the saga is over; a CONFIRMED order waiting for its shipment may be cancelled (refund, stock back on the shelf). A customer cancels only their own orders.',
          security: [CUSTOMER],
          params: OrderParams,
          response: {
            202: { ...ref(CancellationAcceptedSchema), description: 'The saga was asked to stop.' },
            ...problemResponses({
              400: INVALID_PATH,
              ...GUARDED,
              404: ['ORDER.NOT_FOUND'],
              409: ['ORDER.NOT_CANCELLABLE'],
              ...BODY,
              ...PATH_PARAMETER,
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request, reply) => {
        const { orderId } = await useCases.requestCancellation.execute({
          ...request.params,
          caller: callerOf(request),
        });
        reply.code(202);
        return { orderId, cancellation: 'REQUESTED' as const };
      },
    );

    app.get(
      '/orders',
      {
        onRequest: customersOrReaders,
        schema: {
          operationId: 'listOrders',
          tags: ['orders'],
          summary: 'List orders, newest first',
          description:
            "A customer lists their own orders (a `customerId` filter on another customer finds none); a key with `orders:read-all` lists anyone's.",
          security: [CUSTOMER, API_KEY],
          querystring: ListOrdersQuery,
          response: {
            200: { ...ref(OrderPageSchema), description: 'One page of orders, newest first.' },
            ...problemResponses({
              400: ['VALIDATION.INVALID_FIELD', 'REQUEST.MALFORMED'],
              ...GUARDED,
              ...LIMITED,
              ...READ_UNAVAILABLE,
            }),
          },
        },
      },
      async (request) => {
        const { orders, nextCursor } = await useCases.listOrders.execute({
          ...request.query,
          caller: callerOf(request),
        });
        return { items: orders.map(orderBody), nextCursor };
      },
    );

    app.post(
      '/orders/:orderId/compensation/retry',
      {
        onRequest: allow({ scopes: ['ops:compensation'] }),
        schema: {
          operationId: 'retryCompensation',
          tags: ['operations'],
          summary: 'Retry the compensations of a saga stuck in COMPENSATION_FAILED',
          description:
            'Once the cause is fixed (the gateway, a database), the saga runs the compensations still pending; if one fails again it returns to COMPENSATION_FAILED. 409 SAGA.NOT_STUCK in any other phase. Needs a key with `ops:compensation`.',
          security: [API_KEY],
          params: OrderParams,
          response: {
            202: {
              ...ref(CompensationRetryAcceptedSchema),
              description: 'The saga runs its pending compensations again.',
            },
            ...problemResponses({
              400: INVALID_PATH,
              ...GUARDED,
              404: ['ORDER.NOT_FOUND'],
              409: ['SAGA.NOT_STUCK'],
              ...BODY,
              ...PATH_PARAMETER,
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request, reply) => {
        const { orderId } = await useCases.retryCompensation.execute(request.params);
        reply.code(202);
        return { orderId, compensation: 'RETRYING' as const };
      },
    );
  };
}
