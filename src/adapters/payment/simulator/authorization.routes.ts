import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  type AuthorizationList,
  AuthorizationParams,
  AuthorizationQuery,
  AuthorizeBody,
  IdempotencyHeaders,
} from '../wire.js';
import { type CardBehaviour, cardBehaviour } from './card-tokens.js';
import { errorBody, GatewayRefusal } from './gateway-refusal.js';
import { answerOnce } from './idempotency.js';
import type { SimulatorState } from './simulator-state.js';

export function authorizationRoutes(state: SimulatorState): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/v1/authorizations',
      { schema: { headers: IdempotencyHeaders, body: AuthorizeBody } },
      async (request, reply) => {
        const { cardToken, customerId, ...held } = request.body;
        const idempotencyKey = request.headers['idempotency-key'];
        if ((cardToken === undefined) === (held.paymentMethodId === undefined)) {
          const message = 'Give exactly one of cardToken and paymentMethodId';
          return reply.code(400).send(errorBody('parameter_invalid', message));
        }
        // A saved method behaves as an approved card: the test cards' behaviours are the token's.
        const card = cardBehaviour(cardToken ?? 'tok_visa');
        if (isOutage(state, card, idempotencyKey)) return simulatedOutage(request, reply);
        const delay = () => state.delays.wait(delayOf(state, card));
        return answerOnce({ store: state.idempotency, request, reply, delay }, () => {
          if (card.kind === 'decline') {
            const message = `The card was declined (${card.declineCode})`;
            throw new GatewayRefusal(402, 'card_declined', message, { declineCode: card.declineCode });
          }
          const method = held.paymentMethodId;
          if (method !== undefined && !state.paymentMethods.isKeptFor(method, customerId ?? '')) {
            const message = `The payment method ${method} is not kept for this customer`;
            const declineCode = 'payment_method_unavailable';
            throw new GatewayRefusal(402, 'card_declined', message, { declineCode });
          }
          const hold = state.authorizations.authorize({ ...held, idempotencyKey });
          request.log.info({ authorizationId: hold.id, amount: hold.amount }, 'authorized');
          return { statusCode: 201, body: hold };
        });
      },
    );

    // How a caller finds the hold made by an authorize call whose answer it never got.
    app.get('/v1/authorizations', { schema: { querystring: AuthorizationQuery } }, async (request) => {
      const hold = state.authorizations.findByIdempotencyKey(request.query.idempotencyKey);
      return { data: hold === undefined ? [] : [hold] } satisfies AuthorizationList;
    });

    app.get(
      '/v1/authorizations/:authorizationId',
      { schema: { params: AuthorizationParams } },
      async (request) => state.authorizations.require(request.params.authorizationId),
    );
  };
}

// Outages happen before the gateway does anything, so nothing is remembered under the key and a
// retry with the same key is a fresh attempt.
function isOutage(state: SimulatorState, card: CardBehaviour, idempotencyKey: string): boolean {
  if (card.kind === 'error') return true;
  if (card.kind !== 'fail-then-approve') return false;
  const attempt = (state.attempts.get(idempotencyKey) ?? 0) + 1;
  state.attempts.set(idempotencyKey, attempt);
  return attempt <= card.failures;
}

function simulatedOutage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  request.log.warn('simulated outage: answering 500');
  return reply.code(500).send(errorBody('simulated_outage', 'The gateway failed to process the request'));
}

// The hold is made before the wait, as when a real gateway's answer is lost on the way back.
function delayOf(state: SimulatorState, card: CardBehaviour): number {
  if (card.kind === 'slow') return state.settings.slowDelayMs;
  if (card.kind === 'timeout') return state.settings.timeoutDelayMs;
  return 0;
}
