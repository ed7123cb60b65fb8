import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { Client } from '@temporalio/client';
import { httpReady, ServiceProcess } from '../support/service-process.js';
import { pollsTaskQueue } from '../support/workflow-bundle.js';
import type { ChaosStack } from './chaos-stack.js';

export const CHAOS_ADMIN_KEY = 'chaos-admin-key-0123456789abcdef';

// The service under test: one worker and one API on the chaos stack, each a process the run can kill and
// replace. The API keeps its port across restarts, so that clients find the new one where the old was.
export class ServiceProcesses {
  private generation = { worker: 0, api: 0 };

  private constructor(
    private readonly env: Record<string, string>,
    private readonly client: Client,
    private readonly logDir: string,
    readonly baseUrl: string,
    public worker: ServiceProcess,
    public api: ServiceProcess,
  ) {}

  static async start(parts: {
    stack: ChaosStack;
    client: Client;
    taskQueue: string;
    bundlePath: string;
    port: number;
    payloadKeys: string;
  }): Promise<ServiceProcesses> {
    const { stack } = parts;
    const env = {
      HOST: '127.0.0.1',
      PORT: String(parts.port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      TEMPORAL_PAYLOAD_KEYS: parts.payloadKeys,
      DATABASE_URL: stack.databaseUrl,
      MONGODB_URL: stack.mongodbUrl,
      TEMPORAL_ADDRESS: stack.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: parts.taskQueue,
      PAYMENT_GATEWAY_URL: stack.simulatorUrl,
      WORKFLOW_BUNDLE_PATH: parts.bundlePath,
      WORKER_METRICS_PORT: '0',
      API_METRICS_PORT: '0',
      ADMIN_API_KEY: CHAOS_ADMIN_KEY,
      // One customer places every order and retries hard: the limit per customer is not what is tested.
      RATE_LIMIT_PER_MINUTE: '100000000',
    };
    const worker = ServiceProcess.start('worker 1', 'src/bootstrap/worker.ts', env);
    const api = ServiceProcess.start('api 1', 'src/bootstrap/api.ts', env);
    const baseUrl = `http://127.0.0.1:${parts.port}`;
    const services = new ServiceProcesses(env, parts.client, `${stack.dataDir}/logs`, baseUrl, worker, api);
    services.generation = { worker: 1, api: 1 };
    await Promise.all([
      services.workerReady(worker),
      api.waitFor(() => httpReady(`${baseUrl}/health/ready`), 120_000),
    ]);
    return services;
  }

  // SIGKILL, then a new worker at once; answers the pids, once the new one polls the saga's queue.
  async replaceWorker(): Promise<string> {
    const old = this.worker;
    const oldPid = old.pid;
    await old.kill('SIGKILL');
    await this.keepLog(old);
    this.worker = ServiceProcess.start(
      `worker ${++this.generation.worker}`,
      'src/bootstrap/worker.ts',
      this.env,
    );
    await this.workerReady(this.worker);
    return `worker pid ${oldPid} killed, pid ${this.worker.pid} polling`;
  }

  // SIGKILL, then a new API on the same port; answers the pids, once the new one is live.
  async replaceApi(): Promise<string> {
    const old = this.api;
    const oldPid = old.pid;
    await old.kill('SIGKILL');
    await this.keepLog(old);
    this.api = ServiceProcess.start(`api ${++this.generation.api}`, 'src/bootstrap/api.ts', this.env);
    await this.api.waitFor(() => httpReady(`${this.baseUrl}/health/live`), 120_000);
    return `api pid ${oldPid} killed, pid ${this.api.pid} live`;
  }

  async stop(): Promise<void> {
    await Promise.all([this.api.stop(), this.worker.stop()]);
    await Promise.all([this.keepLog(this.api), this.keepLog(this.worker)]);
  }

  private workerReady(worker: ServiceProcess): Promise<void> {
    const identity = `${worker.pid}@${hostname()}`;
    return worker.waitFor(
      () => pollsTaskQueue(this.client, 'default', this.env.TEMPORAL_TASK_QUEUE ?? '', identity),
      120_000,
    );
  }

  private keepLog(process: ServiceProcess): Promise<void> {
    return writeFile(`${this.logDir}/${process.name.replace(' ', '-')}.log`, process.log);
  }
}
