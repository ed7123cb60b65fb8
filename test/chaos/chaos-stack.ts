import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freePortRun } from '../support/free-port.js';
import { chaosPorts } from './ports.js';

export type StackService = 'postgres' | 'ferretdb' | 'temporal' | 'simulator';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const DATABASE = 'order_saga_chaos';
const PORTS = [
  'PG_PORT',
  'MONGO_PORT',
  'TEMPORAL_PORT',
  'TEMPORAL_UI_PORT',
  'TEMPORAL_HTTP_PORT',
  'TEMPORAL_METRICS_PORT',
  'SIMULATOR_PORT',
] as const;

// A local stack of the chaos run's own, run by scripts/stack.sh on free ports: the run kills its services,
// so it must not be the stack that a developer's service or the other suites use. Each run starts from
// empty stores, so that whatever the checks find in them is the run's.
export class ChaosStack {
  private constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  // Under .data/chaos/<runId>, so that two runs (npm run chaos beside npm test) do not meet.
  static async up(runId: string): Promise<ChaosStack> {
    const dataDir = `${root}.data/chaos/${runId}`;
    const env: Record<string, string> = { ORDER_SAGA_DATA: dataDir, PG_DATABASES: DATABASE };
    const ports = await chaosPorts(PORTS.length);
    PORTS.forEach((name, i) => {
      env[name] = String(ports[i]);
    });
    if (process.env.TEMPORAL_MODE === 'cluster') Object.assign(env, await clusterPorts());
    const stack = new ChaosStack(dataDir, env);
    await stack.script('up');
    return stack;
  }

  get databaseUrl(): string {
    return `postgres://order_saga:order_saga@127.0.0.1:${this.env.PG_PORT}/${DATABASE}`;
  }

  get mongodbUrl(): string {
    return `mongodb://127.0.0.1:${this.env.MONGO_PORT}/${DATABASE}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.env.TEMPORAL_PORT}`;
  }

  get simulatorUrl(): string {
    return `http://127.0.0.1:${this.env.SIMULATOR_PORT}`;
  }

  get temporalUiUrl(): string {
    return `http://127.0.0.1:${this.env.TEMPORAL_UI_PORT}`;
  }

  async pid(service: StackService): Promise<number> {
    const text = await readFile(`${this.dataDir}/run/${service}.pid`, 'utf8');
    return Number.parseInt(text.trim(), 10);
  }

  // Sends the signal to the service's main process (PostgreSQL's postmaster); for SIGKILL, waits until it
  // is gone and reaped, as stack.sh takes a zombie's pid for a live service.
  async signal(service: StackService, signal: NodeJS.Signals): Promise<number> {
    const pid = await this.pid(service);
    process.kill(pid, signal);
    const deadline = Date.now() + 15_000;
    if (signal === 'SIGKILL')
      while (exists(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return pid;
  }

  // `stack.sh up <service>`, the one way to start a service. A PostgreSQL whose postmaster was killed can
  // refuse to start while its orphaned backends still hold the shared memory; they leave within seconds,
  // so a failed start is tried again. Answers how many attempts it took.
  async restart(service: StackService, attempts = 10): Promise<{ attempts: number; failures: string[] }> {
    const failures: string[] = [];
    for (let attempt = 1; ; attempt++) {
      try {
        await this.script('up', service);
        return { attempts: attempt, failures };
      } catch (error) {
        if (attempt >= attempts) throw error;
        failures.push(
          String(error)
            .split('\n')
            .find((line) => line.includes(`${service}:`)) ?? String(error),
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  // Stops the services and removes their data; the logs stay, in .data/chaos/<runId>/logs.
  async down(): Promise<void> {
    await this.script('down');
    for (const dir of ['postgres', 'ferretdb', 'temporal', 'temporal-cluster', 'run'])
      await rm(`${this.dataDir}/${dir}`, { recursive: true, force: true });
  }

  private async script(command: 'up' | 'down', service?: StackService): Promise<void> {
    const args = ['scripts/stack.sh', command, ...(service === undefined ? [] : [service])];
    await run('bash', args, {
      cwd: root,
      env: { ...process.env, ...this.env, STACK_READY_TIMEOUT: '120' },
      maxBuffer: 10 * 1024 * 1024,
    }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`stack.sh ${args.slice(1).join(' ')} failed: ${error.stderr ?? error.message}`);
    });
  }
}

// With TEMPORAL_MODE=cluster (inherited by stack.sh), the cluster's services take seven ports from a base,
// and its UI one more: a free block after the developer's own cluster (TEMPORAL_CLUSTER_PORT_BASE, as
// stack.sh defaults it), so that a run beside a running cluster stack takes none of its ports.
async function clusterPorts(): Promise<Record<string, string>> {
  const base = Number(process.env.TEMPORAL_CLUSTER_PORT_BASE ?? 6930);
  const first = await freePortRun(8, base + 10, base + 100);
  return { TEMPORAL_CLUSTER_PORT_BASE: String(first), TEMPORAL_UI_PORT: String(first + 7) };
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
