import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { orderBody } from './order-body.js';
import { OrderParams, OrderSchema, ShipOrderBody } from './schemas/order.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import { ref } from './schemas/ref.js';
import {
  BODY,
  GUARDED,
  INVALID_PATH,
  LIMITED,
  PATH_PARAMETER,
  WRITE_UNAVAILABLE,
} from './schemas/route-errors.js';
import { warehouseOnly } from './scopes.js';
import { API_KEY } from './security.js';

// What every news route may be refused with: the saga does not wait for it (409), the shipping deadline
// passed (409 FULFILMENT.DEADLINE_PASSED), or the order was confirmed by a saga that did not yet follow
// fulfilment (409 FULFILMENT.NOT_TRACKED).
const refusals = (code: 'ORDER.NOT_SHIPPABLE' | 'ORDER.NOT_DELIVERABLE') =>
  problemResponses({
    400: INVALID_PATH,
    ...GUARDED,
    404: ['ORDER.NOT_FOUND'],
    409: [code, 'FULFILMENT.DEADLINE_PASSED', 'FULFILMENT.NOT_TRACKED'],
    ...BODY,
    ...PATH_PARAMETER,
    ...LIMITED,
    ...WRITE_UNAVAILABLE,
  });

// The warehouse's routes: the order shipped, then delivered. Each answers once its saga has recorded the
// news; sent again, the same news gets the same answer and is recorded once.
export function fulfilmentRoutes(useCases: ApiUseCases): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/orders/:orderId/shipment',
      {
        onRequest: warehouseOnly,
        schema: {
          operationId: 'shipOrder',
          tags: ['fulfilment'],
          summary: 'Record that the warehouse shipped a confirmed order',
          description:
            'The order becomes SHIPPED; a cancel is refused from then on. Only a CONFIRMED order waiting for its shipment can ship (409 ORDER.NOT_SHIPPABLE otherwise); past its shipping deadline it was refunded and cancelled (409 FULFILMENT.DEADLINE_PASSED). The same parcel sent again answers 200 and ships once. Needs a key with `warehouse:fulfil`.',
          security: [API_KEY],
          params: OrderParams,
          body: ref(ShipOrderBody),
          response: {
            200: { ...ref(OrderSchema), description: 'Shipped.' },
            ...refusals('ORDER.NOT_SHIPPABLE'),
          },
        },
      },
      async (request) =>
        orderBody(await useCases.recordFulfilment.shipped(request.params.orderId, request.body)),
    );

    app.post(
      '/orders/:orderId/delivery',
      {
        onRequest: warehouseOnly,
        schema: {
          operationId: 'deliverOrder',
          tags: ['fulfilment'],
          summary: 'Record that a shipped order reached its customer',
          description:
            'The order becomes DELIVERED and its saga ends. Only a SHIPPED order can be delivered (409 ORDER.NOT_DELIVERABLE otherwise); delivered again, it answers 200. Needs a key with `warehouse:fulfil`.',
          security: [API_KEY],
          params: OrderParams,
          response: {
            200: { ...ref(OrderSchema), description: 'Delivered.' },
            ...refusals('ORDER.NOT_DELIVERABLE'),
          },
        },
      },
      async (request) => orderBody(await useCases.recordFulfilment.delivered(request.params.orderId)),
    );
  };
}
