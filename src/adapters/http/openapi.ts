import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { API_KEY_HEADER } from './authentication.plugin.js';

export const API_VERSION = '0.1.0';

// The OpenAPI 3.1 document is generated from the route schemas (nothing written by hand drifts from
// the code), served at /openapi.json, rendered by Swagger UI at /docs and committed as openapi.yaml.
// Register before the routes: @fastify/swagger collects them as they are added.
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'order-saga',
        version: API_VERSION,
        description:
          'Orders placed through a saga: stock reserved in MongoDB, the card charged through a payment gateway, the order kept in PostgreSQL, all orchestrated by Temporal. Errors are application/problem+json with a stable `code`.',
        license: { name: 'MIT', identifier: 'MIT' },
        contact: { name: 'order-saga maintainers', url: 'https://github.com/order-saga/order-saga/issues' },
      },
      // Relative first: Swagger UI at /docs, and anything reading /openapi.json, calls the server that
      // served the document, whatever its address.
      servers: [
        { url: '/', description: 'The server that serves this document' },
        { url: 'http://127.0.0.1:3000', description: 'The API started by `npm start`' },
      ],
      tags: [
        { name: 'orders', description: 'Place, follow, cancel and list orders.' },
        { name: 'customers', description: 'Register as a customer, with a card kept for later orders.' },
        {
          name: 'products',
          description: 'The catalogue and its stock. Writes need a key with catalog:write.',
        },
        {
          name: 'fulfilment',
          description:
            "The warehouse's routes: an order shipped, then delivered. Keys with the warehouse:fulfil scope.",
        },
        { name: 'operations', description: "The operator's routes: keys with the ops:compensation scope." },
        { name: 'health', description: 'Liveness and readiness probes.' },
      ],
      components: {
        securitySchemes: {
          customerToken: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              "A customer's token: its subject is the customer id (`npm run token -- <customerId>` in development).",
          },
          apiKey: {
            type: 'apiKey',
            in: 'header',
            name: API_KEY_HEADER,
            description:
              'A key of staff or a service, with scopes: catalog:write, orders:read-all, warehouse:fulfil, ops:compensation, ops:payloads (`npm run keys -- create`).',
          },
        },
      },
    },
    // Shared schemas keep their $id as their component name, so SDKs get types named Order, Problem...
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: {
      docExpansion: 'list',
      deepLinking: true,
      displayOperationId: true,
      tryItOutEnabled: false,
      persistAuthorization: true,
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
