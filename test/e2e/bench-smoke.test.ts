import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

const spread = {
  n: expect.any(Number),
  p50: expect.any(Number),
  p99: expect.any(Number),
  max: expect.any(Number),
};

// The benchmark still runs end to end and reports well-formed figures; how fast is its business, not
// this test's.
describe('npm run bench -- --smoke', () => {
  it('reports every design with its figures, CPU per order, knee, memory and a clean invariant check', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'bench-smoke-')), 'smoke.json');
    await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', '--out', out], {
      cwd: root,
      timeout: 170_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    const report = JSON.parse(await readFile(out, 'utf8'));

    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.versions).toMatchObject({ node: expect.any(String), temporalSdk: expect.any(String) });
    expect(report.designs.map((design: { design: string }) => design.design)).toEqual([
      'ceiling',
      'plain',
      'ours',
    ]);
    for (const design of report.designs) {
      expect(design.error).toBeUndefined();
      expect(design.peakRssMiB).toEqual({ api: expect.any(Number), worker: expect.any(Number) });
      expect(design.runs).toHaveLength(1);
      const [figures] = design.runs;
      expect(figures).toMatchObject({
        offeredRate: expect.any(Number),
        achievedRate: expect.any(Number),
        unfinished: expect.any(Number),
        acceptMs: spread,
        completionMs: { all: spread },
        sustained: expect.any(Boolean),
        cpuMsPerOrder: {
          total: expect.any(Number),
          worker: expect.any(Number),
          api: expect.any(Number),
          temporal: expect.any(Number),
          ferretdb: expect.any(Number),
          postgres: expect.any(Number),
          simulator: expect.any(Number),
          bench: expect.any(Number),
        },
        cpuBusyPercent: expect.any(Number),
      });
      expect(figures.invariants).toMatchObject({ ok: true, violations: [] });
    }
    const markdown = await readFile(out.replace(/\.json$/, '.md'), 'utf8');
    expect(markdown).toContain('| design | offered/s | achieved/s |');
    expect(markdown).toContain('| design | offered/s | CPU ms/order total |');
    expect(markdown).toContain('Invariants: no violation.');
  }, 180_000);
});
