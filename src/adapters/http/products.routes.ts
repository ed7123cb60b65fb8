import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { allow } from './authentication.plugin.js';
import { IdempotencyHeaders, REPLAYED } from './schemas/common.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import {
  ProductParams,
  ProductSchema,
  RegisterProductBody,
  RestockBody,
  StockLevelSchema,
} from './schemas/product.schema.js';
import { ref } from './schemas/ref.js';
import {
  BODY,
  CREDENTIAL_REFUSED,
  GUARDED,
  INVALID_PATH,
  LIMITED,
  PATH_PARAMETER,
  READ_UNAVAILABLE,
  WRITE_UNAVAILABLE,
} from './schemas/route-errors.js';
import { API_KEY } from './security.js';

const PUBLIC_PRODUCT_READ = {
  400: INVALID_PATH,
  ...CREDENTIAL_REFUSED,
  404: ['PRODUCT.NOT_FOUND'],
  ...PATH_PARAMETER,
  ...LIMITED,
  ...READ_UNAVAILABLE,
} as const;

export function productRoutes(useCases: ApiUseCases): FastifyPluginAsyncTypebox {
  return async (app) => {
    const catalogWriters = allow({ scopes: ['catalog:write'] });

    app.put(
      '/products/:productId',
      {
        onRequest: catalogWriters,
        schema: {
          operationId: 'registerProduct',
          tags: ['products'],
          summary: 'Add a product to the catalogue, or change its name and price',
          description:
            'Orders already placed keep the price they were placed at. Needs a key with `catalog:write`.',
          security: [API_KEY],
          params: ProductParams,
          body: ref(RegisterProductBody),
          response: {
            200: { ...ref(ProductSchema), description: 'The product as it now is.' },
            ...problemResponses({
              400: [...INVALID_PATH, 'VALIDATION.INVALID_MONEY'],
              ...GUARDED,
              ...BODY,
              ...PATH_PARAMETER,
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request) => useCases.registerProduct.execute({ id: request.params.productId, ...request.body }),
    );

    app.post(
      '/products/:productId/restock',
      {
        onRequest: catalogWriters,
        schema: {
          operationId: 'restockProduct',
          tags: ['products'],
          summary: 'Add delivered units to the stock',
          description:
            'Needs a key with `catalog:write`. Without an `Idempotency-Key` each call is a delivery; with one, the units are added once however often the request is sent (a replay answers with the first answer and `Idempotent-Replayed: true`), and another body with the same key is a 409. Its keys are apart from those of POST /orders; a refused restock gives its key back.',
          security: [API_KEY],
          headers: IdempotencyHeaders,
          params: ProductParams,
          body: ref(RestockBody),
          response: {
            200: {
              ...ref(StockLevelSchema),
              description: 'The stock after the delivery.',
              headers: { 'Idempotent-Replayed': REPLAYED },
            },
            ...problemResponses({
              400: INVALID_PATH,
              ...GUARDED,
              404: ['PRODUCT.NOT_FOUND'],
              409: ['IDEMPOTENCY.KEY_REUSED'],
              ...BODY,
              ...PATH_PARAMETER,
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const restock = { productId: request.params.productId, ...request.body };
        if (key === undefined) return useCases.restockProduct.execute(restock);
        const done = await useCases.restockProductOnce.execute({ idempotencyKey: key, ...restock });
        if (done.replayed) reply.header('idempotent-replayed', 'true');
        return done.output;
      },
    );

    app.get(
      '/products/:productId',
      {
        schema: {
          operationId: 'getProduct',
          tags: ['products'],
          summary: 'A product and its price',
          description: 'Open to every caller. The price is what an order placed now would pay per unit.',
          security: [],
          params: ProductParams,
          response: {
            200: { ...ref(ProductSchema), description: 'The product.' },
            ...problemResponses(PUBLIC_PRODUCT_READ),
          },
        },
      },
      async (request) => useCases.getProduct.execute(request.params),
    );

    app.get(
      '/products/:productId/stock',
      {
        schema: {
          operationId: 'getProductStock',
          tags: ['products'],
          summary: 'Stock of a product: available, reserved, committed',
          description:
            'Open to every caller. Units move from available to reserved when a saga reserves them.',
          security: [],
          params: ProductParams,
          response: {
            200: { ...ref(StockLevelSchema), description: 'The stock now.' },
            ...problemResponses(PUBLIC_PRODUCT_READ),
          },
        },
      },
      async (request) => useCases.getProductStock.execute(request.params),
    );
  };
}
