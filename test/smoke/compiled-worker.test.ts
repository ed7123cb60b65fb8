import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileService } from '../../scripts/build.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so that the compiled files find node_modules as dist/ does.
const outdir = join(root, '.data', 'compiled-worker-test');

interface Exit {
  readonly code: number | null;
  readonly stderr: string;
}

// Runs the compiled worker as `npm run serve:worker` does (node alone), with the environment given.
function runCompiledWorker(env: Record<string, string>): Promise<Exit> {
  const { WORKFLOW_BUNDLE_PATH: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(outdir, 'src', 'bootstrap', 'worker.js')], {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stderr });
    });
  });
}

// The compiled worker has no TypeScript workflow code to bundle: it needs the prebuilt bundle, and says
// so at once instead of failing later inside the SDK's bundler.
describe('the compiled worker', () => {
  beforeAll(async () => {
    await compileService(outdir);
  }, 120_000);

  afterAll(async () => {
    await rm(outdir, { recursive: true, force: true });
  });

  it('refuses to start without WORKFLOW_BUNDLE_PATH, naming the setting and how to build the bundle', async () => {
    const exit = await runCompiledWorker({});

    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain('set WORKFLOW_BUNDLE_PATH');
    expect(exit.stderr).toContain('npm run build writes dist/workflow-bundle.js');
  });

  it('refuses a WORKFLOW_BUNDLE_PATH that does not exist', async () => {
    const missing = join(outdir, 'no-such-bundle.js');
    const exit = await runCompiledWorker({ WORKFLOW_BUNDLE_PATH: missing });

    expect(exit.code).toBe(1);
    expect(exit.stderr).toContain(`WORKFLOW_BUNDLE_PATH ${missing} does not exist`);
  });
});
