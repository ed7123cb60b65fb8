import { type ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { dataConverterOf } from '../../../src/adapters/temporal/data-converter.js';
import { maintenanceScheduleId } from '../../../src/adapters/temporal/maintenance-schedule.js';
import type { Config } from '../../../src/bootstrap/config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

// The saga worker as a real process (src/bootstrap/worker.ts), so a test can kill it like an outage would.
export class WorkerProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly config: Config,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.collect(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.collect(chunk));
  }

  static async start(config: Config, env: Record<string, string> = {}): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bootstrap/worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        // Several workers run at once in the suites: each serves /metrics on a free port (see metricsUrl).
        WORKER_METRICS_PORT: '0',
        ...env,
        DATABASE_URL: config.databaseUrl,
        MONGODB_URL: config.mongodbUrl,
        TEMPORAL_ADDRESS: config.temporalAddress,
        TEMPORAL_NAMESPACE: config.temporalNamespace,
        TEMPORAL_TASK_QUEUE: config.temporalTaskQueue,
        PAYMENT_GATEWAY_URL: config.paymentGatewayUrl,
        MAIL_OUTBOX_PATH: config.mailOutboxPath,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child, config);
    await worker.waitFor(/state: 'RUNNING'|"state":"RUNNING"|state: "RUNNING"/, 60_000);
    return worker;
  }

  // How Temporal's history names this worker: the SDK's default identity, pid@host.
  get identity(): string {
    return `${this.child.pid}@${hostname()}`;
  }

  get log(): string {
    return this.output;
  }

  // Where this worker serves /metrics, as its 'metrics served' log line says.
  get metricsUrl(): string {
    const url = /"url":"(http:[^"]+\/metrics)"|url: "(http:[^"]+\/metrics)"/.exec(this.output);
    const found = url?.[1] ?? url?.[2];
    if (found === undefined) throw new Error(`the worker did not say where its metrics are:\n${this.output}`);
    return found;
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve(this.child.exitCode);
      else this.child.once('exit', (code) => resolve(code));
    });
    this.child.kill(signal);
    return exited.then(async (code) => {
      await this.deleteMaintenanceSchedule();
      return code;
    });
  }

  // Every worker keeps a maintenance schedule for its task queue; a test's queue dies with the test, so
  // its schedule would only start runs nobody serves. A worker started again makes it anew.
  private async deleteMaintenanceSchedule(): Promise<void> {
    const connection = await Connection.connect({ address: this.config.temporalAddress });
    try {
      const client = new Client({
        connection,
        namespace: this.config.temporalNamespace,
        dataConverter: dataConverterOf(this.config.payloadKeys),
      });
      await client.schedule
        .getHandle(maintenanceScheduleId(this.config.temporalTaskQueue))
        .delete()
        .catch((error: unknown) => {
          if (!(error instanceof ScheduleNotFoundError)) throw error;
        });
    } finally {
      await connection.close();
    }
  }

  private collect(chunk: Buffer): void {
    this.output += chunk.toString();
  }

  private async waitFor(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.child.exitCode !== null)
        throw new Error(`worker exited (${this.child.exitCode}):\n${this.output}`);
      if (Date.now() > deadline) throw new Error(`worker not running after ${timeoutMs} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
