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
  // Sent as X-Admin-Key on every call; only catalogue writes need it.
  readonly adminApiKey?: string;
  readonly fetch?: typeof globalThis.fetch;
}

export function createOrderSagaClient(options: ClientOptions): OrderSagaClient {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.adminApiKey === undefined ? {} : { 'x-admin-key': options.adminApiKey },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}
