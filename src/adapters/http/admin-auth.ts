import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import { sendProblem } from './problem.js';

export const ADMIN_KEY_HEADER = 'x-admin-key';

// Runs before the body is even read: a request without the right key changes nothing and learns
// nothing about what it sent. Digests of equal length make the comparison constant-time.
export function requireAdminKey(adminApiKey: string): onRequestHookHandler {
  const expected = digest(adminApiKey);
  return (request, reply, done) => {
    const given = request.headers[ADMIN_KEY_HEADER];
    if (typeof given === 'string' && timingSafeEqual(digest(given), expected)) {
      done();
      return;
    }
    request.log.info({ hasKey: given !== undefined }, 'catalogue write refused: missing or wrong admin key');
    sendProblem(request, reply, 401, {
      code: 'AUTH.UNAUTHORIZED',
      detail: `Writes to the catalogue need a valid ${ADMIN_KEY_HEADER} header`,
    });
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
