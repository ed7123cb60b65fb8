import type { Middleware } from 'openapi-fetch';

// Placing an order always carries an Idempotency-Key, the caller's or a fresh UUID, so that a retry
// (ours after a 503, or the caller's after a lost answer with the key it read back) places it once.
export const idempotencyMiddleware: Middleware = {
  onRequest({ request, schemaPath }) {
    if (request.method === 'POST' && schemaPath === '/orders' && !request.headers.has('idempotency-key')) {
      request.headers.set('idempotency-key', uuid());
    }
    return request;
  },
};

// A version 4 UUID. crypto.randomUUID exists only in secure contexts in a browser (https, localhost);
// getRandomValues exists everywhere.
function uuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
