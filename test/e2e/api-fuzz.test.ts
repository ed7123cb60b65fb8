import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres-scratch-database.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY } from './api-service.js';

const run = promisify(execFile);
// Installed by scripts/test.sh (scripts/lib/schemathesis.sh), which exports its path.
const ST =
  process.env.SCHEMATHESIS_BIN ??
  join(process.env.ORDER_SAGA_CACHE ?? join(homedir(), '.cache/order-saga'), 'schemathesis/bin/st');

// Issue 14: schemathesis against the OpenAPI document the service serves, with a customer's token and
// with the admin key in turn. Any 5xx, or an answer its operation's schema does not describe, fails.
describe('the API under schemathesis', () => {
  let service: ApiService;
  let reports: string;
  let database: ScratchDatabase | undefined;

  beforeAll(async () => {
    if (!existsSync(ST)) throw new Error(`${ST} is missing: run the tests with npm test (scripts/test.sh)`);
    // Orders of other suites, whose sagas' task queues are gone, would answer an update with a 503 (no
    // worker to take it) that says nothing about this API: the fuzz run sees only its own.
    database = await createScratchDatabase();
    service = await ApiService.start({ databaseUrl: database.url });
    reports = await mkdtemp(join(tmpdir(), 'order-saga-fuzz-'));
    // A product the examples name, so that placing an order can succeed as well as fail.
    const product = { name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } };
    const admin = { 'x-api-key': E2E_ADMIN_KEY, 'content-type': 'application/json' };
    await fetch(`${service.baseUrl}/products/kb-ergo`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify(product),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    if (reports !== undefined) await rm(reports, { recursive: true, force: true });
  });

  it.each([
    ['a customer', async () => `authorization: Bearer ${await service.customerToken('customer-42')}`],
    ['the admin key', async () => `x-api-key: ${E2E_ADMIN_KEY}`],
  ])(
    'finds no 5xx and no answer outside the schema as %s',
    async (_who, credential) => {
      const report = join(reports, `${uniqueName('run')}.json`);
      const args = [
        'run',
        `${service.baseUrl}/openapi.json`,
        '--url',
        service.baseUrl,
        '--header',
        await credential(),
        '--checks',
        'not_a_server_error,response_schema_conformance,content_type_conformance',
        '--phases',
        'examples,fuzzing',
        '--max-examples',
        '25',
        '--seed',
        '14',
        '--workers',
        '1',
        '--request-timeout',
        '15',
        '--suppress-health-check',
        'all',
        '--report',
        'json',
        '--report-json-path',
        report,
      ];
      // In the temporary folder: schemathesis keeps a cache (.schemathesis/) where it runs.
      const options = { cwd: reports, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 };
      const outcome = await run(ST, args, options).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({
          code: error.code ?? 1,
          output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
        }),
      );
      expect(outcome.code, outcome.output.slice(-6000)).toBe(0);
      expect(existsSync(report), outcome.output.slice(-2000)).toBe(true);
      expect((await readFile(report, 'utf8')).length).toBeGreaterThan(0);
    },
    300_000,
  );
});
