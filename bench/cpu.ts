import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { round } from './stats.js';

export const CPU_PROCESSES = ['worker', 'api', 'temporal', 'ferretdb', 'postgres', 'simulator'] as const;
export type CpuProcess = (typeof CPU_PROCESSES)[number];
export type CpuPids = Record<CpuProcess, number | null>;

export interface CpuSample {
  readonly at: number;
  readonly pids: CpuPids;
  readonly ms: Record<CpuProcess, number | null>;
  readonly benchMs: number;
}

export interface CpuFigures {
  // CPU ms of each process over the window, divided by the measured orders. `total` is the six services
  // (null if one of them could not be read); `bench` is the load generator, not in `total`.
  readonly cpuMsPerOrder: Record<CpuProcess | 'total' | 'bench', number | null>;
  // `total` over the window's wall time, in % of one core (the machine has `machine.cores` of them).
  readonly cpuBusyPercent: number | null;
  readonly cpuWindowS: number | null;
}

const runDir = `${process.env.ORDER_SAGA_DATA ?? fileURLToPath(new URL('../.data', import.meta.url))}/run`;
const msPerTick = 1_000 / clockTicks();

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
  } catch {
    return 100;
  }
}

// The services scripts/stack.sh started (their pid files); PostgreSQL's is the postmaster.
export function stackPids(): Pick<CpuPids, 'temporal' | 'ferretdb' | 'postgres'> {
  const pid = (name: string) => {
    try {
      return Number(readFileSync(`${runDir}/${name}.pid`, 'utf8').trim()) || null;
    } catch {
      return null;
    }
  };
  return { temporal: pid('temporal'), ferretdb: pid('ferretdb'), postgres: pid('postgres') };
}

// Each process counts with its descendants (PostgreSQL's backends are the postmaster's children), and
// with the time of descendants that have exited and been reaped (cutime + cstime): without it, a backend
// that closes during the window would take its whole lifetime's CPU out of the difference.
export function sampleCpu(pids: CpuPids): CpuSample {
  const table = processTable();
  const ms = byProcess((name) => {
    const pid = pids[name];
    return pid === null || !table.has(pid) ? null : treeTicks(table, pid) * msPerTick;
  });
  const own = process.cpuUsage();
  return { at: performance.now(), pids, ms, benchMs: (own.user + own.system) / 1_000 };
}

export function cpuFigures(start: CpuSample | null, end: CpuSample | null, orders: number): CpuFigures {
  if (start === null || end === null || orders === 0)
    return {
      cpuMsPerOrder: { total: null, ...byProcess(() => null), bench: null },
      cpuBusyPercent: null,
      cpuWindowS: null,
    };
  const spent = byProcess((name) => {
    const [from, to] = [start.ms[name], end.ms[name]];
    return from === null || to === null || start.pids[name] !== end.pids[name] ? null : to - from;
  });
  const parts = Object.values(spent);
  const total = parts.includes(null) ? null : parts.reduce<number>((sum, ms) => sum + (ms ?? 0), 0);
  const perOrder = (ms: number | null) => (ms === null ? null : round(ms / orders));
  const windowMs = end.at - start.at;
  return {
    cpuMsPerOrder: {
      total: perOrder(total),
      ...byProcess((name) => perOrder(spent[name])),
      bench: perOrder(end.benchMs - start.benchMs),
    },
    cpuBusyPercent: total === null ? null : round((total * 100) / windowMs),
    cpuWindowS: round(windowMs / 1_000, 2),
  };
}

function byProcess<T>(value: (name: CpuProcess) => T): Record<CpuProcess, T> {
  return Object.fromEntries(CPU_PROCESSES.map((name) => [name, value(name)])) as Record<CpuProcess, T>;
}

interface Entry {
  readonly ppid: number;
  readonly ticks: number;
}

// One pass over /proc: every process's parent and its utime + stime + cutime + cstime (fields 14-17 of
// /proc/<pid>/stat, in clock ticks). A process gone between the listing and the read is left out.
function processTable(): Map<number, Entry> {
  const table = new Map<number, Entry>();
  let names: string[] = [];
  try {
    names = readdirSync('/proc');
  } catch {}
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields from the state (3) on; the command name (2) before it may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
      table.set(Number(name), { ppid: Number(fields[1]), ticks });
    } catch {}
  }
  return table;
}

function treeTicks(table: Map<number, Entry>, root: number): number {
  let ticks = table.get(root)?.ticks ?? 0;
  for (const [pid, entry] of table) if (entry.ppid === root) ticks += treeTicks(table, pid);
  return ticks;
}
