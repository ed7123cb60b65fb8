import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { Client } from '@temporalio/client';
import { httpReady, ServiceProcess } from '../support/service-process.js';
import { pollsTaskQueue } from '../support/workflow-bundle.js';
import type { ChaosStack } from './chaos-stack.js';
import { chaosPorts } from './ports.js';

export const CHAOS_ADMIN_KEY = 'chaos-admin-key-0123456789abcdef';

export interface Api {
  readonly process: ServiceProcess;
  readonly baseUrl: string;
}

// The service under test: workers and APIs on the chaos stack, each a process the run can kill. A lone
// worker or API killed is replaced at once (the API on its port, so that clients find the new one where
// the old was); one of several is not: the others carry the load, as behind a load balancer.
export class ServiceProcesses {
  private started = { worker: 0, api: 0 };
  private readonly everWorkers: ServiceProcess[] = [];
  // Names of the processes the run killed.
  readonly killed = new Set<string>();

  private constructor(
    private readonly env: Record<string, string>,
    private readonly client: Client,
    private readonly logDir: string,
    // Every API's address, the killed ones' too: a client keeps the addresses it was given.
    readonly baseUrls: readonly string[],
    private workers: ServiceProcess[],
    private apis: Api[],
  ) {}

  static async start(parts: {
    stack: ChaosStack;
    client: Client;
    taskQueue: string;
    bundlePath: string;
    workers: number;
    apis: number;
  }): Promise<ServiceProcesses> {
    const { stack } = parts;
    const env = {
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
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
    const ports = await chaosPorts(parts.apis);
    const baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
    const services = new ServiceProcesses(env, parts.client, `${stack.dataDir}/logs`, baseUrls, [], []);
    for (let i = 0; i < parts.workers; i++) services.workers.push(services.startWorker());
    for (const port of ports) services.apis.push(services.startApi(port));
    await Promise.all([
      ...services.workers.map((worker) => services.workerReady(worker)),
      ...services.apis.map((api) =>
        api.process.waitFor(() => httpReady(`${api.baseUrl}/health/ready`), 120_000),
      ),
    ]);
    return services;
  }

  // The address of an API that is up now.
  get liveBaseUrl(): string {
    const api = this.apis[0];
    if (api === undefined) throw new Error('no API left');
    return api.baseUrl;
  }

  // Every worker the run started, by the identity Temporal records for it (pid@host), with its name.
  get workerIdentities(): Map<string, string> {
    return new Map(this.everWorkers.map((worker) => [`${worker.startPid}@${hostname()}`, worker.name]));
  }

  // SIGKILL the first worker; a new one if it was the only one. Answers what happened.
  async killWorker(): Promise<string> {
    const [old, ...others] = this.workers;
    if (old === undefined) throw new Error('no worker left');
    const oldPid = old.pid;
    await old.kill('SIGKILL');
    this.killed.add(old.name);
    await this.keepLog(old);
    if (others.length > 0) {
      this.workers = others;
      return `${old.name} (pid ${oldPid}) killed; ${others.map((w) => w.name).join(', ')} carry on`;
    }
    const fresh = this.startWorker();
    this.workers = [fresh];
    await this.workerReady(fresh);
    return `${old.name} (pid ${oldPid}) killed, ${fresh.name} (pid ${fresh.pid}) polling`;
  }

  // SIGKILL the first API; a new one on its port if it was the only one. Answers what happened.
  async killApi(): Promise<string> {
    const [old, ...others] = this.apis;
    if (old === undefined) throw new Error('no API left');
    const oldPid = old.process.pid;
    await old.process.kill('SIGKILL');
    this.killed.add(old.process.name);
    await this.keepLog(old.process);
    if (others.length > 0) {
      this.apis = others;
      const left = others.map((api) => `${api.process.name} at ${api.baseUrl}`).join(', ');
      return `${old.process.name} (pid ${oldPid}, ${old.baseUrl}) killed; ${left} carries on`;
    }
    const fresh = this.startApi(Number(new URL(old.baseUrl).port));
    this.apis = [fresh];
    await fresh.process.waitFor(() => httpReady(`${fresh.baseUrl}/health/live`), 120_000);
    return `${old.process.name} (pid ${oldPid}) killed, ${fresh.process.name} (pid ${fresh.process.pid}) live`;
  }

  async stop(): Promise<void> {
    const all = [...this.apis.map((api) => api.process), ...this.workers];
    await Promise.all(all.map((process) => process.stop()));
    await Promise.all(all.map((process) => this.keepLog(process)));
  }

  private startWorker(): ServiceProcess {
    const worker = ServiceProcess.start(
      `worker ${++this.started.worker}`,
      'src/bootstrap/worker.ts',
      this.env,
    );
    this.everWorkers.push(worker);
    return worker;
  }

  private startApi(port: number): Api {
    const name = `api ${++this.started.api}`;
    const process = ServiceProcess.start(name, 'src/bootstrap/api.ts', { ...this.env, PORT: String(port) });
    return { process, baseUrl: `http://127.0.0.1:${port}` };
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
