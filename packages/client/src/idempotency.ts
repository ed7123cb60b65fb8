import type { Middleware } from 'openapi-fetch';

// Placing an order always carries an Idempotency-Key, the caller's or a fresh UUID, so that a retry
// (ours after a 503, or the caller's after a lost answer with the key it read back) places it once.
export const idempotencyMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    if (request.method === 'POST' && schemaPath === '/orders' && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', globalThis.crypto.randomUUID());
    }
    return request;
  },
};
