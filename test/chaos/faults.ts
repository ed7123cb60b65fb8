import type { ChaosStack, StackService } from './chaos-stack.js';
import type { Fault } from './options.js';
import type { PlannedFault } from './plan.js';
import type { ServiceProcesses } from './service-processes.js';

export interface InjectedFault {
  readonly fault: Fault;
  // Seconds after the load began: when the fault struck, and when what it broke was back.
  readonly atS: number;
  readonly recoveredAtS: number;
  readonly detail: string;
}

export const FAULT_DESCRIPTIONS: Record<Fault, string> = {
  worker: 'SIGKILL a saga worker; start a new one if it was the only one',
  api: 'SIGKILL an API; start a new one on its port if it was the only one',
  postgres: 'SIGKILL PostgreSQL (postmaster), restart it with stack.sh up postgres',
  ferretdb: 'SIGKILL FerretDB, restart it with stack.sh up ferretdb',
  temporal: 'SIGKILL the Temporal server (dev server or cluster), restart it with stack.sh up temporal',
  gateway: 'SIGSTOP the payment gateway simulator, SIGCONT it later',
};

// Strikes each planned fault at its time, one after the other: a fault still recovering delays the next.
export async function injectFaults(
  planned: readonly PlannedFault[],
  parts: { stack: ChaosStack; services: ServiceProcesses; freezeS: number; clockMs: () => number },
  log: (message: string) => void,
): Promise<InjectedFault[]> {
  const injected: InjectedFault[] = [];
  for (const { fault, atMs } of planned) {
    const wait = atMs - parts.clockMs();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const atS = seconds(parts.clockMs());
    log(`fault ${fault}: ${FAULT_DESCRIPTIONS[fault]}`);
    const detail = await strike(fault, parts);
    const recoveredAtS = seconds(parts.clockMs());
    log(`fault ${fault}: recovered after ${(recoveredAtS - atS).toFixed(1)} s (${detail})`);
    injected.push({ fault, atS, recoveredAtS, detail });
  }
  return injected;
}

async function strike(
  fault: Fault,
  parts: { stack: ChaosStack; services: ServiceProcesses; freezeS: number },
): Promise<string> {
  switch (fault) {
    case 'worker':
      return parts.services.killWorker();
    case 'api':
      return parts.services.killApi();
    case 'postgres':
    case 'ferretdb':
    case 'temporal':
      return killAndRestart(parts.stack, fault);
    case 'gateway': {
      const pid = await parts.stack.signal('simulator', 'SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, parts.freezeS * 1_000));
      await parts.stack.signal('simulator', 'SIGCONT');
      return `simulator pid ${pid} stopped for ${parts.freezeS} s`;
    }
  }
}

async function killAndRestart(stack: ChaosStack, service: StackService): Promise<string> {
  const pid = await stack.signal(service, 'SIGKILL');
  const { attempts, failures } = await stack.restart(service);
  const plural = attempts === 1 ? '' : 's';
  const why = failures.length === 0 ? '' : ` (${failures.join('; ')})`;
  return `pid ${pid} killed, pid ${await stack.pid(service)} up after ${attempts} start attempt${plural}${why}`;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
