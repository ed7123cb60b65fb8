import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import packageJson from '../package.json' with { type: 'json' };
import { maintenanceScheduleId } from '../src/adapters/temporal/maintenance-schedule.js';
import { customerHeaders } from '../test/support/customer-headers.js';
import { freePort } from '../test/support/free-port.js';
import { httpReady, ServiceProcess } from '../test/support/service-process.js';
import { bundleWorkflows, pollsTaskQueue } from '../test/support/workflow-bundle.js';
import { type Design, WORKFLOWS_OF } from './options.js';

export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

// The headers of the bench's customer, for the APIs it starts (their secret derives from BENCH_ADMIN_KEY).
export function benchCustomerHeaders(customerId: string): Promise<Record<string, string>> {
  return customerHeaders(customerId, BENCH_ADMIN_KEY);
}
const dataDir = fileURLToPath(new URL('../.data/bench/', import.meta.url));

export interface Stack {
  readonly databaseUrl: string;
  readonly mongodbUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly simulatorUrl: string;
  readonly simulatorPid: number | null;
  // The run's payload key (runPayloadKeys): its API and worker run with NODE_ENV=production.
  readonly payloadKeys: string;
}

// How production runs a process: package.json's serve:* script, `node [options] dist/...js` on the service
// as `npm run build` compiles it (bench/run.ts compiles it first). The bench starts the same file with the
// same node options, less the .env file: it sets every variable itself.
function servedBy(script: 'serve:api' | 'serve:worker'): { entry: string; nodeArgs: string[] } {
  const command = (packageJson as { scripts: Record<string, string> }).scripts[script];
  const [node, ...words] = command?.split(/\s+/) ?? [];
  const entry = words.pop();
  if (node !== 'node' || entry === undefined)
    throw new Error(`${script} is not \`node [options] file\`: ${command}`);
  return { entry, nodeArgs: words.filter((word) => !word.startsWith('--env-file')) };
}

// One design on the stack: its worker and an API in front of it, on a task queue of their own.
export class DesignSession {
  private constructor(
    readonly design: Design,
    readonly taskQueue: string,
    readonly baseUrl: string,
    readonly api: ServiceProcess,
    readonly worker: ServiceProcess,
    private readonly client: Client,
  ) {}

  // cpuProfDir: the worker writes a V8 CPU profile per thread to <cpuProfDir>/<design> when it exits.
  static async start(
    design: Design,
    stack: Stack,
    client: Client,
    runId: string,
    cpuProfDir: string | null = null,
  ): Promise<DesignSession> {
    const workflows = WORKFLOWS_OF[design];
    const bundle = await bundleWorkflows(workflows, `${dataDir}${workflows}-workflow-bundle.js`);
    const taskQueue = `bench-${design}-${runId}`;
    const port = await freePort();
    const env = {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: stack.databaseUrl,
      MONGODB_URL: stack.mongodbUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: stack.temporalNamespace,
      TEMPORAL_TASK_QUEUE: taskQueue,
      PAYMENT_GATEWAY_URL: stack.simulatorUrl,
      NODE_ENV: 'production',
      TEMPORAL_PAYLOAD_KEYS: stack.payloadKeys,
    };
    const served = { worker: servedBy('serve:worker'), api: servedBy('serve:api') };
    const worker = ServiceProcess.start(
      `worker (${design})`,
      served.worker.entry,
      {
        ...env,
        SAGA_WORKFLOWS: workflows,
        WORKFLOW_BUNDLE_PATH: bundle,
        WORKER_METRICS_PORT: '0',
      },
      [
        ...served.worker.nodeArgs,
        ...(cpuProfDir === null ? [] : ['--cpu-prof', '--cpu-prof-dir', join(cpuProfDir, design)]),
      ],
    );
    const api = ServiceProcess.start(
      `api (${design})`,
      served.api.entry,
      {
        ...env,
        PORT: String(port),
        ADMIN_API_KEY: BENCH_ADMIN_KEY,
        API_METRICS_PORT: '0',
        // The bench is one customer sending as fast as it is told: no limit of its own to measure.
        RATE_LIMIT_PER_MINUTE: '100000000',
      },
      served.api.nodeArgs,
    );
    const session = new DesignSession(design, taskQueue, `http://127.0.0.1:${port}`, api, worker, client);
    try {
      await Promise.all([
        worker.waitFor(() => pollsTaskQueue(client, stack.temporalNamespace, taskQueue), 90_000),
        api.waitFor(() => httpReady(`${session.baseUrl}/health/ready`), 90_000),
      ]);
    } catch (error) {
      await session.stop();
      throw error;
    }
    return session;
  }

  peakRssMiB(): { api: number | null; worker: number | null } {
    return { api: this.api.peakRssMiB(), worker: this.worker.peakRssMiB() };
  }

  // The worker made a maintenance schedule for this run's task queue, which nobody serves afterwards.
  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), this.worker.stop()]);
    await this.client.schedule
      .getHandle(maintenanceScheduleId(this.taskQueue))
      .delete()
      .catch(() => undefined);
  }
}
