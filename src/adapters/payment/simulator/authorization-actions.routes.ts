import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AmountBody, AuthorizationParams, EmptyBody, IdempotencyHeaders } from '../wire.js';
import { answerOnce } from './idempotency.js';
import type { SimulatorState } from './simulator-state.js';

// Capture, void and refund of an existing authorization. Each is a POST with an Idempotency-Key, so
// a retried call is answered from memory instead of moving the money a second time.
export function authorizationActionRoutes(state: SimulatorState): FastifyPluginAsyncTypebox {
  return async (app) => {
    const params = AuthorizationParams;
    const headers = IdempotencyHeaders;
    const store = state.idempotency;

    app.post(
      '/v1/authorizations/:authorizationId/capture',
      { schema: { headers, params, body: AmountBody } },
      async (request, reply) =>
        answerOnce({ store, request, reply }, () => {
          const hold = state.authorizations.capture(request.params.authorizationId, request.body);
          request.log.info({ authorizationId: hold.id, amount: hold.capturedAmount }, 'captured');
          return { statusCode: 200, body: hold };
        }),
    );

    app.post(
      '/v1/authorizations/:authorizationId/void',
      { schema: { headers, params, body: EmptyBody } },
      async (request, reply) =>
        answerOnce({ store, request, reply }, () => {
          const hold = state.authorizations.void(request.params.authorizationId);
          request.log.info({ authorizationId: hold.id }, 'voided');
          return { statusCode: 200, body: hold };
        }),
    );

    app.post(
      '/v1/authorizations/:authorizationId/refunds',
      { schema: { headers, params, body: AmountBody } },
      async (request, reply) =>
        answerOnce({ store, request, reply }, () => {
          const refund = state.authorizations.refund(request.params.authorizationId, request.body);
          request.log.info({ authorizationId: refund.authorizationId, amount: refund.amount }, 'refunded');
          return { statusCode: 201, body: refund };
        }),
    );
  };
}
