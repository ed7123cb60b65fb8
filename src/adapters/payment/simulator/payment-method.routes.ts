import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CustomerParams,
  IdempotencyHeaders,
  type PaymentMethodList,
  RegisterPaymentMethodBody,
} from '../wire.js';
import { cardBehaviour } from './card-tokens.js';
import { GatewayRefusal } from './gateway-refusal.js';
import { answerOnce } from './idempotency.js';
import type { SimulatorState } from './simulator-state.js';

// A customer's reusable payment methods. Keeping a card moves no money, so no test card hangs or
// fails here: a card is kept, or refused with 402 like a declined authorization.
export function paymentMethodRoutes(state: SimulatorState): FastifyPluginAsyncTypebox {
  return async (app) => {
    const path = '/v1/customers/:customerId/payment-methods';
    const params = CustomerParams;

    app.post(
      path,
      { schema: { headers: IdempotencyHeaders, params, body: RegisterPaymentMethodBody } },
      async (request, reply) =>
        answerOnce({ store: state.idempotency, request, reply }, () => {
          const card = cardBehaviour(request.body.cardToken);
          if (card.kind === 'decline' || card.kind === 'not-reusable') {
            const declineCode = card.kind === 'decline' ? card.declineCode : 'card_not_reusable';
            const message = `The card cannot be kept as a payment method (${declineCode})`;
            throw new GatewayRefusal(402, 'card_declined', message, { declineCode });
          }
          const method = state.paymentMethods.register(request.params.customerId);
          request.log.info({ paymentMethodId: method.id }, 'payment method registered');
          return { statusCode: 201, body: method };
        }),
    );

    app.get(
      path,
      { schema: { params } },
      async (request) =>
        ({
          data: state.paymentMethods.of(request.params.customerId),
        }) satisfies PaymentMethodList,
    );

    app.delete(path, { schema: { params } }, async (request, reply) => {
      state.paymentMethods.removeAllOf(request.params.customerId);
      return reply.code(204).send();
    });
  };
}
