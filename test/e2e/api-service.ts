import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createPaymentSimulator } from '../../src/adapters/payment/simulator/payment-simulator.js';
import { migratePostgres } from '../../src/adapters/postgres/migrate-postgres.js';
import type { Config } from '../../src/bootstrap/config.js';
import { mintCustomerToken } from '../../src/bootstrap/customer-token.js';
import { asCustomer } from '../support/credentials.js';
import { freePort } from '../support/free-port.js';
import { testConfig, uniqueName } from '../support/settings.js';
import { WorkerProcess } from './support/worker-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const E2E_ADMIN_KEY = 'e2e-admin-key-0123456789abcdef';

// The service as it runs in production, on the real stack: the API process (src/bootstrap/api.ts) and
// a worker process, on the test databases and a task queue of their own, charging a simulator of their
// own whose slow card (tok_slow) answers after `slowDelayMs`, long enough to cancel an order meanwhile.
export class ApiService {
  readonly baseUrl: string;
  // The settings the API runs with: what a customer's token is minted from (test/support/credentials.ts).
  readonly config: Config;
  private readonly api: ChildProcess;
  private readonly worker: WorkerProcess;
  private readonly simulator: ReturnType<typeof createPaymentSimulator>;
  private output = '';

  private constructor(parts: {
    baseUrl: string;
    api: ChildProcess;
    worker: WorkerProcess;
    simulator: ReturnType<typeof createPaymentSimulator>;
    config: Config;
  }) {
    this.baseUrl = parts.baseUrl;
    this.config = parts.config;
    this.api = parts.api;
    this.worker = parts.worker;
    this.simulator = parts.simulator;
    this.api.stdout?.on('data', (chunk: Buffer) => this.collect(chunk));
    this.api.stderr?.on('data', (chunk: Buffer) => this.collect(chunk));
  }

  static async start(
    options: { slowDelayMs?: number; rateLimitPerMinute?: number; databaseUrl?: string } = {},
  ): Promise<ApiService> {
    const simulator = createPaymentSimulator({ logger: false, slowDelayMs: options.slowDelayMs ?? 4_000 });
    const simulatorUrl = await simulator.listen({ host: '127.0.0.1', port: 0 });
    const port = await freePort();
    const config: Config = {
      ...testConfig(),
      ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
      port,
      temporalTaskQueue: uniqueName('api-e2e'),
      paymentGatewayUrl: simulatorUrl,
      adminApiKey: E2E_ADMIN_KEY,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    };
    await migratePostgres(config.databaseUrl);
    const worker = await WorkerProcess.start(config);
    const api = spawn(process.execPath, ['--import', 'tsx', 'src/bootstrap/api.ts'], {
      cwd: root,
      env: { ...process.env, ...environmentOf(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ApiService({ baseUrl: `http://127.0.0.1:${port}`, api, worker, simulator, config });
    await service.waitUntilReady(60_000);
    return service;
  }

  // The headers of a request by this customer.
  asCustomer(customerId: string): Promise<Record<string, string>> {
    return asCustomer(customerId, this.config);
  }

  async customerToken(customerId: string): Promise<string> {
    return mintCustomerToken(customerId, this.config);
  }

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => {
      if (this.api.exitCode !== null || this.api.signalCode !== null) resolve(null);
      else this.api.once('exit', resolve);
    });
    this.api.kill('SIGTERM');
    await Promise.all([exited, this.worker.kill('SIGTERM')]);
    await this.simulator.close();
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.api.exitCode !== null)
        throw new Error(`the API exited (${this.api.exitCode}):\n${this.output}`);
      const ready = await fetch(`${this.baseUrl}/health/ready`).then(
        (answer) => answer.ok,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline)
        throw new Error(`the API is not ready after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  private collect(chunk: Buffer): void {
    this.output += chunk.toString();
  }
}

function environmentOf(config: Config): Record<string, string> {
  return {
    HOST: '127.0.0.1',
    PORT: String(config.port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: config.databaseUrl,
    MONGODB_URL: config.mongodbUrl,
    TEMPORAL_ADDRESS: config.temporalAddress,
    TEMPORAL_NAMESPACE: config.temporalNamespace,
    TEMPORAL_TASK_QUEUE: config.temporalTaskQueue,
    PAYMENT_GATEWAY_URL: config.paymentGatewayUrl,
    ADMIN_API_KEY: E2E_ADMIN_KEY,
    API_METRICS_PORT: '0',
    RATE_LIMIT_PER_MINUTE: String(config.rateLimitPerMinute),
  };
}

// Asks again until `done` holds of the answer, for at most `timeoutMs`; returns the last answer.
export async function eventually<T>(
  ask: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
