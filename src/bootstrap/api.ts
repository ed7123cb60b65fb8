import { buildApp } from '../adapters/http/app.js';
import { loggerOptions } from '../adapters/observability/logger.js';
import { startTracing } from '../adapters/observability/tracing.js';
import { sagaIdOf } from '../adapters/temporal/workflows/saga-progress.js';
import type { ApiUseCases } from '../application/api-use-cases.js';
import { ConfigError, cursorKeyOf, loadConfig, requireAdminApiKey } from './config.js';
import { createContainer, tokens } from './container.js';
import { loadObservabilityConfig } from './observability-config.js';

// The API process: `npm run start:api` (the dev run starts it for you).
async function main(): Promise<void> {
  const config = loadConfig();
  const observability = loadObservabilityConfig();
  const adminApiKey = requireAdminApiKey(config);
  const tracing = startTracing({ serviceName: 'order-saga-api', otlpEndpoint: observability.otlpEndpoint });
  const resources = createContainer(config, { cursorKey: cursorKeyOf(config, adminApiKey) });
  const app = await buildApp({
    logger: loggerOptions({ level: config.logLevel, format: observability.logFormat, name: 'api' }),
    useCases: resources.container.resolve<ApiUseCases>(tokens.apiUseCases),
    dependencies: resources.dependencyChecks,
    adminApiKey,
    sagaIdOf,
  });
  // The API starts while a database is down and says so at /health/ready; it does not wait for it.
  await resources
    .prepare()
    .catch((error: unknown) => app.log.warn({ err: error }, 'a database is not reachable yet'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // close() stops accepting connections and waits for requests in flight before the pools close.
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
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
