import { existsSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createLogger } from '../adapters/observability/logger.js';
import { startMetricsServer } from '../adapters/observability/metrics-server.js';
import { startTracing, type Tracing } from '../adapters/observability/tracing.js';
import { createActivities } from '../adapters/temporal/activities.js';
import { dataConverterOf } from '../adapters/temporal/data-converter.js';
import { createMaintenanceActivities } from '../adapters/temporal/maintenance-activities.js';
import { ensureMaintenanceSchedule } from '../adapters/temporal/maintenance-schedule.js';
import { InventoryDriftMetrics } from '../adapters/temporal/metrics/inventory-drift.js';
import { SagaMetrics } from '../adapters/temporal/metrics/saga-metrics.js';
import { sagaMetricsSinks } from '../adapters/temporal/metrics/saga-metrics-sinks.js';
import {
  freeLoopbackPort,
  scrapeSdkMetrics,
  sdkPrometheusExporter,
} from '../adapters/temporal/metrics/sdk-metrics.js';
import { registerShipmentsDueGauge } from '../adapters/temporal/metrics/shipments-due.js';
import { registerStuckSagasGauge } from '../adapters/temporal/metrics/stuck-sagas.js';
import { PinoTemporalLogger } from '../adapters/temporal/pino-temporal-logger.js';
import { createRegistrationActivities } from '../adapters/temporal/registration-activities.js';
import { missingSearchAttributes } from '../adapters/temporal/search-attribute-check.js';
import { workerTracing } from '../adapters/temporal/tracing-interceptors.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createContainer, type Resources, tokens } from './container.js';
import { loadObservabilityConfig, type ObservabilityConfig } from './observability-config.js';
import { sagaWorkflowsOf, workflowsPathOf } from './saga-workflows.js';
import { loadWorkerTuning } from './worker-tuning.js';
import { maintenanceUseCases, workerUseCases } from './worker-use-cases.js';

// The worker process: runs the sagas (orders, customer registrations) and their activities. `npm run start:worker`.
// In production, run it compiled (`npm run build`, then `npm run serve:worker`) with
// WORKFLOW_BUNDLE_PATH=dist/workflow-bundle.js, so it does not bundle the workflow code at every start.
// SAGA_WORKFLOWS=ours|plain|noop picks what runs as 'orderSaga' (plain and noop are the benchmark's, see
// saga-workflows.ts).

async function main(): Promise<void> {
  const config = loadConfig();
  const observability = loadObservabilityConfig();
  const tuning = loadWorkerTuning();
  const logger = createLogger({ level: config.logLevel, format: observability.logFormat, name: 'worker' });
  const sdkMetricsPort = await freeLoopbackPort();
  // The runtime turns SIGINT and SIGTERM into a graceful shutdown of the worker.
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: { metrics: sdkPrometheusExporter(sdkMetricsPort) },
  });
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  const workflowsPath = workflowsPathOf(sagaWorkflowsOf());
  if (bundlePath !== undefined && !existsSync(bundlePath)) {
    throw new ConfigError([`WORKFLOW_BUNDLE_PATH ${bundlePath} does not exist; run npm run build:workflows`]);
  }
  // A compiled worker (npm run build) has no TypeScript workflow code to bundle at start.
  if (bundlePath === undefined && !existsSync(workflowsPath)) {
    throw new ConfigError([
      `No workflow code at ${workflowsPath}: set WORKFLOW_BUNDLE_PATH (npm run build writes dist/workflow-bundle.js)`,
    ]);
  }

  const tracing = startTracing({
    serviceName: 'order-saga-worker',
    otlpEndpoint: observability.otlpEndpoint,
  });
  const resources = createContainer(config);
  await resources.prepare();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const missing = await missingSearchAttributes(connection.operatorService, config.temporalNamespace);
    if (missing.length > 0) {
      throw new ConfigError([`Temporal lacks the sagas' search attributes; create them:`, ...missing]);
    }
    const client = resources.container.resolve<Client>(tokens.temporalClient);
    const schedule = await ensureMaintenanceSchedule(client, {
      taskQueue: config.temporalTaskQueue,
      intervalMinutes: config.maintenanceIntervalMinutes,
    });
    logger.info({ schedule, everyMinutes: config.maintenanceIntervalMinutes }, 'maintenance schedule ready');
    const registry = workerRegistry(config, observability, resources, logger);
    // What the maintenance workflow's reconcileInventory finds, on this worker's /metrics.
    const inventoryDrift = new InventoryDriftMetrics(registry);
    const spans = workerTracing(tracing);
    const useCases = workerUseCases(resources.container, registry);
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
      dataConverter: dataConverterOf(config.payloadKeys),
      ...tuning,
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath }),
      activities: {
        ...createActivities(useCases.orders),
        ...createRegistrationActivities(useCases.registrations),
        ...createMaintenanceActivities(maintenanceUseCases(resources.container, config), {
          inventoryReconciled: (report) => inventoryDrift.record(report),
        }),
      },
      interceptors: spans.interceptors,
      sinks: { ...spans.sinks, ...sagaMetricsSinks(new SagaMetrics(registry)) },
    });
    const metrics = await startMetricsServer({
      host: config.host,
      port: observability.workerMetricsPort,
      registry,
      more: () => scrapeSdkMetrics(sdkMetricsPort, 2_000),
      onError: (error) => logger.warn({ err: error }, 'part of /metrics could not be collected'),
    });
    logger.info({ url: metrics.url }, 'metrics served');
    // On SIGTERM the worker stops polling and waits for the activities in flight to finish (they are
    // short and do not heartbeat); a worker killed outright leaves them to Temporal, which retries them
    // on another worker when their start-to-close timeout expires.
    await worker.run().finally(() => metrics.close());
  } finally {
    await connection.close();
    await resources.close();
    await shutdownTracing(tracing, logger);
  }
}

// The worker's own metrics (the saga's, the gateway's, the stuck-saga count, Node's process metrics);
// the Temporal SDK's are appended at scrape time.
function workerRegistry(
  config: Config,
  observability: ObservabilityConfig,
  resources: Resources,
  logger: Logger,
): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerStuckSagasGauge(registry, {
    client: resources.container.resolve<Client>(tokens.temporalClient),
    taskQueue: config.temporalTaskQueue,
    stuckAfterSeconds: observability.sagaStuckAfterSeconds,
    timeoutMs: config.temporalCallTimeoutMs,
    onError: (error) => logger.warn({ err: error }, 'could not count stuck sagas'),
  });
  registerShipmentsDueGauge(registry, {
    client: resources.container.resolve<Client>(tokens.temporalClient),
    taskQueue: config.temporalTaskQueue,
    withinSeconds: observability.shipmentDueWithinSeconds,
    timeoutMs: config.temporalCallTimeoutMs,
    onError: (error) => logger.warn({ err: error }, 'could not count orders due for shipment'),
  });
  return registry;
}

// Spans still buffered are worth a try, but an unreachable collector must not hold the exit.
async function shutdownTracing(tracing: Tracing, logger: Logger): Promise<void> {
  await tracing.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'spans lost at exit'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
