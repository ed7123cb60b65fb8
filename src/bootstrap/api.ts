import { Registry } from 'prom-client';
import { buildApp } from '../adapters/http/app.js';
import { JoseCustomerTokens } from '../adapters/jwt/jose-customer-tokens.js';
import { loggerOptions } from '../adapters/observability/logger.js';
import { startMetricsServer } from '../adapters/observability/metrics-server.js';
import { startTracing } from '../adapters/observability/tracing.js';
import { payloadCodecOf } from '../adapters/temporal/data-converter.js';
import { sagaIdOf } from '../adapters/temporal/workflows/saga-progress.js';
import type { ApiUseCases } from '../application/api-use-cases.js';
import {
  ConfigError,
  codecSessionSecretOf,
  cursorKeyOf,
  customerTokenSettingsOf,
  loadConfig,
  requireAdminApiKey,
} from './config.js';
import { createContainer, tokens } from './container.js';
import { loadObservabilityConfig } from './observability-config.js';

// The API process: `npm run start:api` (the dev run starts it for you).
async function main(): Promise<void> {
  const config = loadConfig();
  const observability = loadObservabilityConfig();
  const adminApiKey = requireAdminApiKey(config);
  const tracing = startTracing({ serviceName: 'order-saga-api', otlpEndpoint: observability.otlpEndpoint });
  const resources = createContainer(
    config,
    {
      cursorKey: cursorKeyOf(config, adminApiKey),
      adminApiKey,
    },
    { traced: observability.otlpEndpoint !== null },
  );
  const useCases = resources.container.resolve<ApiUseCases>(tokens.apiUseCases);
  const metricsRegistry = new Registry();
  const app = await buildApp({
    logger: loggerOptions({ level: config.logLevel, format: observability.logFormat, name: 'api' }),
    useCases,
    dependencies: resources.dependencyChecks,
    customerTokens: new JoseCustomerTokens(customerTokenSettingsOf(config)),
    rateLimitPerMinute: config.rateLimitPerMinute,
    metricsRegistry,
    sagaIdOf,
    codec: {
      codec: payloadCodecOf(config.payloadKeys),
      namespace: config.temporalNamespace,
      sessionSecret: codecSessionSecretOf(adminApiKey),
      uiOrigins: config.temporalUiOrigins,
    },
  });
  // The API starts while a database is down and says so at /health/ready; it does not wait for it.
  await resources
    .prepare()
    .catch((error: unknown) => app.log.warn({ err: error }, 'a database is not reachable yet'));
  const metrics = await startMetricsServer({
    host: config.host,
    port: observability.apiMetricsPort,
    registry: metricsRegistry,
    onError: (error) => app.log.warn({ err: error }, '/metrics could not be collected'),
  });
  app.log.info({ url: metrics.url }, 'metrics served');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting connections and waits for requests in flight before the pools close.
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await metrics.close();
    await resources.close();
    await tracing.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('the API failed to start:', error);
  }
  process.exit(1);
});
