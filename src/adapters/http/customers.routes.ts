import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import { allow } from './authentication.plugin.js';
import { IdempotencyHeaders, REPLAYED } from './schemas/common.schema.js';
import {
  CustomerAcceptedSchema,
  CustomerParams,
  CustomerSchema,
  RegisterCustomerBody,
} from './schemas/customer.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import { ref } from './schemas/ref.js';
import {
  BODY,
  GUARDED,
  INVALID_PATH,
  LIMITED,
  PATH_PARAMETER,
  READ_UNAVAILABLE,
  WRITE_UNAVAILABLE,
} from './schemas/route-errors.js';
import { API_KEY, CUSTOMER, callerOf } from './security.js';

const customers = allow({ customers: true });
const customersOrReaders = allow({ customers: true, scopes: ['orders:read-all'] });

export function customerRoutes(useCases: ApiUseCases): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/customers',
      {
        onRequest: customers,
        schema: {
          operationId: 'registerCustomer',
          tags: ['customers'],
          summary: 'Register as a customer',
          description:
            'Starts the registration saga and answers at once: store the customer, keep their card at the gateway as a payment method, send a welcome e-mail. A card the gateway will not keep undoes the registration: the customer ends DELETED. Follow it with GET /customers/{customerId}. The customer id is the token’s subject.',
          security: [CUSTOMER],
          headers: IdempotencyHeaders,
          body: ref(RegisterCustomerBody),
          response: {
            202: {
              ...ref(CustomerAcceptedSchema),
              description: 'Accepted; the saga runs. `Location` names the customer.',
              headers: {
                Location: { type: 'string', description: 'The path of the customer.' },
                'Idempotent-Replayed': REPLAYED,
              },
            },
            ...problemResponses({
              400: ['VALIDATION.INVALID_FIELD', 'REQUEST.MALFORMED'],
              ...GUARDED,
              409: ['IDEMPOTENCY.KEY_REUSED'],
              ...BODY,
              ...LIMITED,
              ...WRITE_UNAVAILABLE,
            }),
          },
        },
      },
      async (request, reply) => {
        const key = request.headers['idempotency-key'];
        const registration = { ...request.body, caller: callerOf(request) };
        const accepted =
          key === undefined
            ? { output: await useCases.registerCustomer.execute(registration), replayed: false }
            : await useCases.registerCustomerOnce.execute({ idempotencyKey: key, registration });
        reply.code(202).header('location', `/customers/${accepted.output.customerId}`);
        if (accepted.replayed) reply.header('idempotent-replayed', 'true');
        return accepted.output;
      },
    );

    app.get(
      '/customers/:customerId',
      {
        onRequest: customersOrReaders,
        schema: {
          operationId: 'getCustomer',
          tags: ['customers'],
          summary: 'A customer',
          description:
            'Right after POST /customers the saga may not have stored the customer yet: 404 until it has. A customer sees themself; a key with `orders:read-all` sees any.',
          security: [CUSTOMER, API_KEY],
          params: CustomerParams,
          response: {
            200: { ...ref(CustomerSchema), description: 'The customer.' },
            ...problemResponses({
              400: INVALID_PATH,
              ...GUARDED,
              404: ['CUSTOMER.NOT_FOUND'],
              ...PATH_PARAMETER,
              ...LIMITED,
              ...READ_UNAVAILABLE,
            }),
          },
        },
      },
      async (request) => useCases.getCustomer.execute({ ...request.params, caller: callerOf(request) }),
    );
  };
}
