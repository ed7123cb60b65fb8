import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ChaosReport } from '../chaos/report.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

// `npm run chaos -- --short --scale-out` on a stack of its own: two APIs and three workers take 60
// orders; one worker and one API are killed for good while the orders go on through the others. Only
// the invariants and who did the work are asserted, never how long anything took.
describe('npm run chaos -- --short --scale-out', () => {
  it('keeps every accepted order, stock unit and cent accounted for when one of three workers and one of two APIs die', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'chaos-scale-out-')), 'scale-out.json');
    // Exit 1 means violations, which the report lists: the assertions below say which.
    await run(
      process.execPath,
      ['--import', 'tsx', 'test/chaos/run.ts', '--short', '--scale-out', '--out', out],
      { cwd: root, timeout: 590_000, maxBuffer: 20 * 1024 * 1024 },
    ).catch((error: { code?: unknown }) => {
      if (error.code !== 1) throw error;
    });
    const report = JSON.parse(await readFile(out, 'utf8')) as ChaosReport;

    expect(report.faults.map((fault) => fault.fault).sort()).toEqual(['api', 'worker']);
    expect(report.orders.accepted).toBe(report.orders.sent);
    expect(report.violations).toEqual([]);
    // Shown, not claimed: the survivors shared the sagas, and the surviving API took the orders meant
    // for the dead one.
    const survivors = report.spread.workers.filter((w) => !w.killed && w.name.startsWith('worker'));
    expect(survivors.map((w) => w.name)).toHaveLength(2);
    for (const worker of survivors) expect(worker.activities, worker.name).toBeGreaterThan(0);
    expect(report.spread.apis).toHaveLength(2);
    expect(Math.max(...report.spread.apis.map((api) => api.acceptedAfterApiKilled ?? 0))).toBeGreaterThan(0);
  }, 600_000);
});
