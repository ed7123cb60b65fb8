import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const running = new Set<ChildProcess>();

// A harness (bench, chaos run) stopped by Ctrl-C or SIGTERM takes its services with it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });
}

// A service of the bench or the chaos run as a process of its own (tsx in-process, so the pid is the node
// that does the work and its /proc status is the service's memory). Output is kept for when it fails.
export class ServiceProcess {
  private output = '';

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.collect(chunk));
    child.stderr?.on('data', (chunk: Buffer) => this.collect(chunk));
  }

  // entry: a TypeScript file (run through tsx) or a compiled one (.js, run by node alone).
  // env: added to this process's environment; a variable given as undefined is left out.
  // nodeArgs: options of node itself, e.g. --cpu-prof.
  static start(
    name: string,
    entry: string,
    env: Record<string, string | undefined>,
    nodeArgs: readonly string[] = [],
  ): ServiceProcess {
    const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = spawn(process.execPath, [...nodeArgs, ...loader, entry], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    return new ServiceProcess(name, child);
  }

  get log(): string {
    return this.output;
  }

  // Null once the process has exited.
  get pid(): number | null {
    return this.exited ? null : (this.child.pid ?? null);
  }

  // The pid it was started with, kept after it exits (Temporal names a worker by it).
  get startPid(): number | undefined {
    return this.child.pid;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  async waitFor(ready: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await ready())) {
      if (this.exited) throw new Error(`${this.name} exited (${this.child.exitCode}):\n${this.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // Peak resident set (VmHWM) of the process so far, in MiB; null once it has exited.
  peakRssMiB(): number | null {
    if (this.child.pid === undefined || this.exited) return null;
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
      return kib === undefined ? null : Math.round(Number(kib) / 102.4) / 10;
    } catch {
      return null;
    }
  }

  // The exit code of a process expected to stop by itself; killed (code null) if it has not within timeoutMs.
  async exitCode(timeoutMs: number): Promise<number | null> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      const killer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(killer);
    }
    return this.child.exitCode;
  }

  // Resolves once the process has exited (at once if it already has).
  kill(signal: NodeJS.Signals): Promise<void> {
    if (this.exited) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    return exited;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  }

  tail(chars = 4_000): string {
    return this.output.slice(-chars);
  }

  private collect(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-200_000);
  }
}

export async function httpReady(url: string): Promise<boolean> {
  return fetch(url).then(
    (answer) => answer.ok,
    () => false,
  );
}
