import type { Middleware } from 'openapi-fetch';
import { OPERATION_SCHEMES } from './operations.gen.js';

export type Secret = string | (() => string | Promise<string>);

export interface Credentials {
  // A customer's bearer token (JWT): the order routes, on the customer's own orders.
  readonly customerToken?: Secret;
  // A key of staff or a service, sent as X-Api-Key: what it may do depends on its scopes.
  readonly apiKey?: Secret;
}

const reveal = async (secret: Secret) => (typeof secret === 'function' ? secret() : secret);

// Each request carries the one credential its operation takes, as openapi.yaml declares it: a public
// operation gets none, so a key never leaves for a route that does not need it. Where an operation
// takes both (reading orders), the customer's token goes first.
export function credentialsMiddleware(credentials: Credentials): Middleware {
  return {
    async onRequest({ request, schemaPath }) {
      const schemes = OPERATION_SCHEMES[`${request.method} ${schemaPath}`] ?? [];
      if (schemes.includes('customerToken') && credentials.customerToken !== undefined) {
        request.headers.set('authorization', `Bearer ${await reveal(credentials.customerToken)}`);
      } else if (schemes.includes('apiKey') && credentials.apiKey !== undefined) {
        request.headers.set('x-api-key', await reveal(credentials.apiKey));
      }
      return request;
    },
  };
}
