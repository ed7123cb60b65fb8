import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../support/dependency-rule.js';
import { createHttpWorld } from './http-world.js';

const run = promisify(execFile);
const committed = () => readFile(join(ROOT, 'openapi.yaml'), 'utf8');

async function served(): Promise<Record<string, unknown>> {
  const world = await createHttpWorld();
  return (await world.app.inject({ url: '/openapi.json' })).json();
}

type Operation = { operationId?: string; tags?: string[]; summary?: string; responses: object };

describe('the OpenAPI document', () => {
  it('committed as openapi.yaml is what the server serves (else: npm run openapi:generate)', async () => {
    expect(parse(await committed())).toEqual(await served());
  });

  it('validates as OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(parse(await committed()));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('gives every operation an id, a tag and a summary, and documents its errors as problems', async () => {
    const document = (await served()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.values(document.paths).flatMap((path) => Object.values(path));
    expect(operations.map((operation) => operation.operationId)).toEqual([
      'live',
      'ready',
      'placeOrder',
      'listOrders',
      'getOrder',
      'cancelOrder',
      'retryCompensation',
      'shipOrder',
      'deliverOrder',
      'registerProduct',
      'getProduct',
      'restockProduct',
      'getProductStock',
      'registerCustomer',
      'getCustomer',
    ]);
    for (const operation of operations) {
      expect(operation.tags?.length, operation.operationId).toBe(1);
      expect(operation.summary, operation.operationId).toBeTruthy();
    }
  });

  it('declares who may call each operation: open to all, a customer token, an API key', async () => {
    const document = (await served()) as {
      paths: Record<string, Record<string, Operation & { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const securityOf = (operationId: string) =>
      Object.values(document.paths)
        .flatMap((path) => Object.values(path))
        .find((operation) => operation.operationId === operationId)?.security;
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'customerToken']);
    expect(securityOf('placeOrder')).toEqual([{ customerToken: [] }]);
    expect(securityOf('getOrder')).toEqual([{ customerToken: [] }, { apiKey: [] }]);
    expect(securityOf('retryCompensation')).toEqual([{ apiKey: [] }]);
    expect(securityOf('shipOrder')).toEqual([{ apiKey: [] }]);
    expect(securityOf('registerProduct')).toEqual([{ apiKey: [] }]);
    expect(securityOf('getProduct')).toEqual([]);
    expect(securityOf('live')).toEqual([]);
  });

  it('documents each error of an operation as a problem narrowed to its status and its codes', async () => {
    const document = (await served()) as { paths: Record<string, Record<string, Operation>> };
    expect(document.paths['/orders']?.post?.responses).toMatchObject({
      409: {
        content: {
          'application/problem+json': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/Problem' },
                {
                  properties: {
                    status: { enum: [409] },
                    code: { enum: ['IDEMPOTENCY.KEY_REUSED'] },
                  },
                },
              ],
            },
          },
        },
      },
      503: { headers: { 'Retry-After': { schema: { type: 'integer' } } } },
    });
  });

  it('gives every response a description of its own, never "Default Response"', async () => {
    expect(await committed()).not.toContain('Default Response');
  });

  // Both linters run offline: Redocly's telemetry off, Spectral's ruleset bundled with it.
  const lint = (cli: string, args: string[]) =>
    run(process.execPath, [join(ROOT, 'node_modules', cli), ...args, join(ROOT, 'openapi.yaml')], {
      cwd: ROOT,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });

  it("passes Redocly's recommended ruleset with no error and no warning", async () => {
    const { stdout } = await lint('@redocly/cli/bin/cli.js', [
      'lint',
      '--extends=recommended',
      '--format=json',
    ]);
    const { totals, problems } = JSON.parse(stdout);
    expect(problems).toEqual([]);
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 30_000);

  it("passes Spectral's spectral:oas ruleset with no error, warning or hint", async () => {
    const ruleset = join(ROOT, 'test/unit/http/spectral.yaml');
    const { stdout } = await lint('@stoplight/spectral-cli/dist/index.js', [
      'lint',
      '-q',
      '-f',
      'json',
      '--ruleset',
      ruleset,
    ]);
    expect(JSON.parse(stdout)).toEqual([]);
  }, 30_000);

  it('is what the client package was generated from (else: npm run sdk:generate)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'client-'));
    const cli = join(ROOT, 'node_modules/openapi-typescript/bin/cli.js');
    await run(process.execPath, [cli, join(ROOT, 'openapi.yaml'), '--output', join(dir, 'schema.gen.ts')], {
      cwd: ROOT,
    });
    const operations = join(ROOT, 'scripts/generate-client-operations.ts');
    await run(process.execPath, ['--import', 'tsx', operations, join(dir, 'operations.gen.ts')], {
      cwd: ROOT,
    });
    for (const file of ['schema.gen.ts', 'operations.gen.ts']) {
      expect(await readFile(join(dir, file), 'utf8'), file).toBe(
        await readFile(join(ROOT, 'packages/client/src', file), 'utf8'),
      );
    }
  }, 30_000);
});
