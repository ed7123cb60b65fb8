import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { allow } from './authentication.plugin.js';
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
          description: 'Needs a key with `catalog:write`. Not idempotent: each call is a delivery.',
          security: [API_KEY],
          params: ProductParams,
          body: RestockBody,
          response: { 200: ref(StockLevelSchema), ...problemResponses(400, 401, 403, 404, 429, 503) },
        },
      },
      async (request) =>
        useCases.restockProduct.execute({ productId: request.params.productId, ...request.body }),
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
