import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { allow } from './authentication.plugin.js';
import { IdempotencyHeaders } from './schemas/common.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import {
  ProductParams,
  ProductSchema,
  RegisterProductBody,
  RestockBody,
  StockLevelSchema,
} from './schemas/product.schema.js';
import { ref } from './schemas/ref.js';
import { API_KEY } from './security.js';

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
          body: RegisterProductBody,
          response: { 200: ref(ProductSchema), ...problemResponses(400, 401, 403, 429, 503) },
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
          body: RestockBody,
          response: { 200: ref(StockLevelSchema), ...problemResponses(400, 401, 403, 404, 409, 429, 503) },
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
          params: ProductParams,
          response: { 200: ref(ProductSchema), ...problemResponses(400, 404, 503) },
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
          params: ProductParams,
          response: { 200: ref(StockLevelSchema), ...problemResponses(400, 404, 503) },
        },
      },
      async (request) => useCases.getProductStock.execute(request.params),
    );
  };
}
