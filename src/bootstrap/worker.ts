import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, type LogLevel, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../adapters/temporal/activities.js';
import { ConfigError, loadConfig } from './config.js';
import { createContainer } from './container.js';

// The worker process: runs the order sagas and their activities. `npm run start:worker`.
// In production, start it with WORKFLOW_BUNDLE_PATH=dist/workflow-bundle.js (`npm run build:workflows`)
// so it does not bundle the workflow code at every start.
const workflowsPath = fileURLToPath(new URL('../adapters/temporal/workflows/index.ts', import.meta.url));

const temporalLevels: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

async function main(): Promise<void> {
  const config = loadConfig();
  // The runtime turns SIGINT and SIGTERM into a graceful shutdown of the worker.
  Runtime.install({ logger: new DefaultLogger(temporalLevels[config.logLevel] ?? 'INFO') });
  const bundlePath = process.env.WORKFLOW_BUNDLE_PATH;
  if (bundlePath !== undefined && !existsSync(bundlePath)) {
    throw new ConfigError([`WORKFLOW_BUNDLE_PATH ${bundlePath} does not exist; run npm run build:workflows`]);
  }

  const resources = createContainer(config);
  await resources.prepare();
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporalNamespace,
      taskQueue: config.temporalTaskQueue,
      ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath }),
      activities: createActivities(resources.useCases),
    });
    // On SIGTERM the worker stops polling and waits for the activities in flight to finish (they are
    // short and do not heartbeat); a worker killed outright leaves them to Temporal, which retries them
    // on another worker when their start-to-close timeout expires.
    await worker.run();
  } finally {
    await connection.close();
    await resources.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
