import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileService } from '../../scripts/build.js';
import { ServiceProcess } from '../support/service-process.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so that the compiled files find node_modules as dist/ does.
const outdir = join(root, '.data', 'compiled-worker-test');

// Runs the compiled worker as `npm run serve:worker` does (node alone), with WORKFLOW_BUNDLE_PATH as given
// (unset when undefined), and waits for it to exit.
async function runCompiledWorker(
  bundlePath: string | undefined,
): Promise<{ code: number | null; log: string }> {
  const worker = ServiceProcess.start('compiled worker', join(outdir, 'src', 'bootstrap', 'worker.js'), {
    WORKFLOW_BUNDLE_PATH: bundlePath,
  });
  const code = await worker.exitCode(30_000);
  return { code, log: worker.log };
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
    const exit = await runCompiledWorker(undefined);

    expect(exit.code).toBe(1);
    expect(exit.log).toContain('set WORKFLOW_BUNDLE_PATH');
    expect(exit.log).toContain('npm run build writes dist/workflow-bundle.js');
  });

  it('refuses a WORKFLOW_BUNDLE_PATH that does not exist', async () => {
    const missing = join(outdir, 'no-such-bundle.js');
    const exit = await runCompiledWorker(missing);

    expect(exit.code).toBe(1);
    expect(exit.log).toContain(`WORKFLOW_BUNDLE_PATH ${missing} does not exist`);
  });
});
