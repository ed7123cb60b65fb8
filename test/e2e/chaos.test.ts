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

// `npm run chaos -- --short` on a stack of its own: a worker killed, FerretDB and PostgreSQL killed and
// restarted, the gateway frozen, while 60 orders go through the API. Only the invariants are asserted,
// never how long anything took.
describe('npm run chaos -- --short', () => {
  it('keeps every accepted order, stock unit and cent accounted for through a worker kill, store restarts and a frozen gateway', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'chaos-short-')), 'short.json');
    // Exit 1 means violations, which the report lists: the assertions below say which.
    await run(process.execPath, ['--import', 'tsx', 'test/chaos/run.ts', '--short', '--out', out], {
      cwd: root,
      timeout: 590_000,
      maxBuffer: 20 * 1024 * 1024,
    }).catch((error: { code?: unknown }) => {
      if (error.code !== 1) throw error;
    });
    const report = JSON.parse(await readFile(out, 'utf8')) as ChaosReport;

    expect(report.faults.map((fault) => fault.fault).sort()).toEqual([
      'ferretdb',
      'gateway',
      'postgres',
      'worker',
    ]);
    expect(report.orders.accepted).toBe(report.orders.sent);
    expect(report.violations).toEqual([]);
  }, 600_000);
});
