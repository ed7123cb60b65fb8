import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const ENTRY = 'src/adapters/payment/simulator/main.ts';

// The entry point the stack and the dev run start, as a real process.
describe('payment simulator entry point', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  async function started(env: Record<string, string>): Promise<{ process: ChildProcess; url: string }> {
    const simulator = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = simulator;
    for await (const line of createInterface({ input: simulator.stdout })) {
      const url = /Server listening at (http:\/\/[^"]+)/.exec(line)?.[1];
      if (url !== undefined) return { process: simulator, url };
    }
    throw new Error(`${ENTRY} exited before listening`);
  }

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'listens on HOST and PORT and exits cleanly on %s',
    async (signal) => {
      const { process: simulator, url } = await started({ HOST: '127.0.0.1', PORT: '0' });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
      simulator.kill(signal);
      const [code] = await once(simulator, 'exit');
      expect(code).toBe(0);
    },
  );

  it('refuses to start on a PORT that is not a port', async () => {
    const simulator = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      env: { ...process.env, PORT: 'http' },
      stdio: 'ignore',
    });
    child = simulator;
    const [code] = await once(simulator, 'exit');
    expect(code).toBe(1);
  });
});
