import createFetchClient, { type Client } from 'openapi-fetch';
import { type Credentials, credentialsMiddleware } from './credentials.js';
import { idempotencyMiddleware } from './idempotency.js';
import { type RetryOptions, retryingFetch } from './retry.js';
import type { components, paths } from './schema.gen.js';

// The client of the order-saga API: openapi-fetch over the types openapi-typescript generates from
// openapi.yaml. Every call answers { data, error, response }; `error` is the problem+json body, whose
// `status` and `code` are narrowed to what that operation can answer.
export type OrderSagaClient = Client<paths>;
export type { Credentials, Secret } from './credentials.js';
export type { RetryOptions } from './retry.js';
export type { components, paths };

export type Schemas = components['schemas'];
export type Order = Schemas['Order'];
export type OrderStatus = Schemas['OrderStatus'];
export type OrderWithProgress = Schemas['OrderWithProgress'];
export type OrderAccepted = Schemas['OrderAccepted'];
export type OrderPage = Schemas['OrderPage'];
export type PlaceOrderRequest = Schemas['PlaceOrderRequest'];
export type Product = Schemas['Product'];
export type StockLevel = Schemas['StockLevel'];
export type SagaProgress = Schemas['SagaProgress'];
export type Problem = Schemas['Problem'];

export interface ClientOptions extends Credentials {
  readonly baseUrl: string;
  // Retries of 429 and 503 after their Retry-After; `false` sends every request once.
  readonly retry?: RetryOptions | false;
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createClient(options: ClientOptions): OrderSagaClient {
  const fetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl,
    fetch: options.retry === false ? fetch : retryingFetch(fetch, options.retry),
  });
  client.use(credentialsMiddleware(options), idempotencyMiddleware);
  return client;
}
