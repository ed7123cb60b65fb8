import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyServerOptions } from 'fastify';
import { authorizationRoutes } from './authorization.routes.js';
import { authorizationActionRoutes } from './authorization-actions.routes.js';
import { errorBody } from './gateway-refusal.js';
import { ledgerRoutes } from './ledger.routes.js';
import { logWithOrderId } from './order-log.js';
import { paymentMethodRoutes } from './payment-method.routes.js';
import { createSimulatorState, type SimulatorSettings } from './simulator-state.js';

export interface PaymentSimulatorOptions extends Partial<SimulatorSettings> {
  readonly logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_SIMULATOR_SETTINGS: SimulatorSettings = { slowDelayMs: 2_000, timeoutDelayMs: 60_000 };

// A card gateway for dev and tests: in-memory ledger, idempotency keys, and test card tokens that
// decline, hang or fail (see README.md). Returns the Fastify app unstarted: `listen` or `inject` it.
export function createPaymentSimulator(options: PaymentSimulatorOptions = {}) {
  const { logger = { level: 'info' }, ...settings } = options;
  const state = createSimulatorState({ ...DEFAULT_SIMULATOR_SETTINGS, ...settings });
  // TypeBox's own validator, not Ajv's defaults: those would coerce "100" into 100 and strip unknown
  // fields, where a gateway must refuse anything but an integer amount.
  const app = Fastify({ logger, bodyLimit: 16 * 1024 })
    .withTypeProvider<TypeBoxTypeProvider>()
    .setValidatorCompiler(TypeBoxValidatorCompiler);

  app.setErrorHandler<FastifyError>((error, request, reply) => {
    if (error.validation !== undefined) {
      return reply.code(400).send(errorBody('invalid_request', error.message));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return reply.code(status).send(errorBody('invalid_request', error.message));
    request.log.error({ err: error }, 'simulator failure');
    return reply.code(500).send(errorBody('internal_error', 'The simulator failed unexpectedly'));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('route_not_found', `No route ${request.method} ${request.url}`)),
  );
  // Hanging answers would otherwise hold close() for as long as they hang.
  app.addHook('preClose', async () => state.delays.cutShort());

  logWithOrderId(app, state);
  app.register(authorizationRoutes(state));
  app.register(authorizationActionRoutes(state));
  app.register(ledgerRoutes(state));
  app.register(paymentMethodRoutes(state));
  return app;
}

export type PaymentSimulator = ReturnType<typeof createPaymentSimulator>;
