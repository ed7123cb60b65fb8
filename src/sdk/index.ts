import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.gen.js';

// The TypeScript client of the order-saga API: openapi-fetch over the types openapi-typescript
// generates from openapi.yaml (`npm run sdk:generate`). Every call answers { data, error, response }:
// `error` is the problem+json body, with its stable `code`, when the status is not 2xx.
export type OrderSagaClient = Client<paths>;
export type { components, paths };

export type Schemas = components['schemas'];
export type Order = Schemas['Order'];
export type OrderWithProgress = Schemas['OrderWithProgress'];
export type OrderAccepted = Schemas['OrderAccepted'];
export type OrderPage = Schemas['OrderPage'];
export type Product = Schemas['Product'];
export type StockLevel = Schemas['StockLevel'];
export type SagaProgress = Schemas['SagaProgress'];
export type Problem = Schemas['Problem'];

export interface ClientOptions {
  readonly baseUrl: string;
  // A customer's bearer token (JWT), for the order routes: the customer's own orders.
  readonly customerToken?: string;
  // A key of staff or a service, sent as X-Api-Key: what it may do depends on its scopes.
  readonly apiKey?: string;
  // The key from ADMIN_API_KEY, which has every scope: the same as `apiKey`.
  readonly adminApiKey?: string;
  readonly fetch?: typeof globalThis.fetch;
}

// One credential a client: a customer's token or a key (the API refuses a request carrying both).
export function createOrderSagaClient(options: ClientOptions): OrderSagaClient {
  const key = options.apiKey ?? options.adminApiKey;
  if (options.customerToken !== undefined && key !== undefined) {
    throw new Error('createOrderSagaClient: give a customerToken or an apiKey, not both');
  }
  const headers: Record<string, string> =
    options.customerToken !== undefined
      ? { authorization: `Bearer ${options.customerToken}` }
      : key !== undefined
        ? { 'x-api-key': key }
        : {};
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}
