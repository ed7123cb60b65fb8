import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Registry } from 'prom-client';
import type { ApiUseCases } from '../../application/api-use-cases.js';
import type { Caller } from '../../application/caller.js';
import type { CustomerTokens } from '../../application/ports/customer-tokens.js';
import { authenticationPlugin } from './authentication.plugin.js';
import { clientErrorHandler, expectationFailed } from './client-error.js';
import { type CodecOptions, codecRoutes } from './codec.routes.js';
import { customerRoutes } from './customers.routes.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { fulfilmentRoutes } from './fulfilment.routes.js';
import { type DependencyCheck, healthRoutes, sharedHealthSchemas } from './health.routes.js';
import { metricsPlugin } from './metrics.plugin.js';
import { registerOpenApi } from './openapi.js';
import { orderLogPlugin } from './order-log.plugin.js';
import { orderRoutes } from './orders.routes.js';
import { productRoutes } from './products.routes.js';
import { MoneySchema } from './schemas/common.schema.js';
import { sharedCustomerSchemas } from './schemas/customer.schema.js';
import { sharedOrderSchemas } from './schemas/order.schema.js';
import { ProblemSchema } from './schemas/problem.schema.js';
import { sharedProductSchemas } from './schemas/product.schema.js';
import { tracingPlugin } from './tracing.plugin.js';
import { validatorCompilerOf } from './validator-compiler.js';

export interface AppOptions {
  readonly logger: FastifyServerOptions['logger'];
  readonly useCases: ApiUseCases;
  readonly dependencies: readonly DependencyCheck[];
  readonly customerTokens: CustomerTokens;
  // Requests per minute for one credential (or, without one, one address).
  readonly rateLimitPerMinute?: number;
  // Where the API's metrics go; served elsewhere (API_METRICS_PORT), not on this app.
  readonly metricsRegistry?: Registry;
  // The saga of an order, for log lines (the Temporal adapter's sagaIdOf; http/ imports no sibling).
  readonly sagaIdOf?: (orderId: string) => string;
  // The codec endpoint of the Temporal Web UI (codec.routes.ts); without it, no /codec routes.
  readonly codec?: Omit<CodecOptions, 'apiKeys'>;
}

// An order of 100 lines with the longest ids is about 13 KiB.
export const BODY_LIMIT = 32 * 1024;

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT,
    requestIdHeader: 'x-request-id',
    // Above the ids' limit of 100, so that a long id gets the schema's 400 naming it, not a bare 414.
    routerOptions: { maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler,
    // Node would answer a request without Host with a bare 400; the error handler's hook does, as a problem.
    http: { requireHostHeader: false },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.server.on('checkExpectation', expectationFailed);
  app.setValidatorCompiler(validatorCompilerOf(() => app.getSchemas()));
  // Bodies are JSON only: a text/plain body is a 415, not a string that fails validation.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  await app.register(tracingPlugin);
  await app.register(metricsPlugin, {
    exposeRoute: false,
    ...(options.metricsRegistry === undefined ? {} : { registry: options.metricsRegistry }),
  });
  await app.register(authenticationPlugin, {
    customerTokens: options.customerTokens,
    apiKeys: options.useCases.apiKeys,
  });
  // After authentication, so that the limit is per credential: a customer, a key, or else an address.
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => rateLimitKeyOf(request.caller, request.ip),
  });
  if (options.sagaIdOf) await app.register(orderLogPlugin, { sagaIdOf: options.sagaIdOf });
  for (const schema of [
    MoneySchema,
    ProblemSchema,
    ...sharedOrderSchemas,
    ...sharedProductSchemas,
    ...sharedCustomerSchemas,
    ...sharedHealthSchemas,
  ]) {
    app.addSchema(schema);
  }
  await registerOpenApi(app);
  await app.register(healthRoutes(options.dependencies));
  await app.register(orderRoutes(options.useCases));
  await app.register(fulfilmentRoutes(options.useCases));
  await app.register(productRoutes(options.useCases));
  await app.register(customerRoutes(options.useCases));
  if (options.codec) await app.register(codecRoutes({ ...options.codec, apiKeys: options.useCases.apiKeys }));
  return app;
}

function rateLimitKeyOf(caller: Caller | null, ip: string): string {
  if (caller === null) return `address:${ip}`;
  return caller.kind === 'customer' ? `customer:${caller.customerId}` : `key:${caller.keyId}`;
}
