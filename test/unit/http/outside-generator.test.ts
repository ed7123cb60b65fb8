import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/dependency-rule.js';

const run = promisify(execFile);

// What a user who generates a client of their own writes, with the names the document gives
// (OrderStatus, PlaceOrderRequest) and the codes it narrows per operation.
const USAGE = `
import { cancelOrder, listOrders, placeOrder } from './client/sdk.gen.js';
import type { OrderStatus, PlaceOrderRequest } from './client/types.gen.js';

const request: PlaceOrderRequest = { customerId: 'c-1', cardToken: 'tok_visa', lines: [{ productId: 'p', quantity: 1 }] };
const status: OrderStatus = 'COMPENSATION_FAILED';

export async function flow(): Promise<string> {
  await placeOrder({ body: request, headers: { 'idempotency-key': 'key-00000001' } });
  await listOrders({ query: { customerId: 'c-1', status } });
  const { error } = await cancelOrder({ path: { orderId: 'o-1' } });
  if (error === undefined) return 'requested';
  if (error.status === 409) return error.code satisfies 'ORDER.NOT_CANCELLABLE';
  // @ts-expect-error a cancellation never answers IDEMPOTENCY.KEY_REUSED
  if (error.code === 'IDEMPOTENCY.KEY_REUSED') return 'impossible';
  return error.code;
}
`;

describe('a client generated from openapi.yaml by @hey-api/openapi-ts', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('type-checks under tsc --strict, with the names and codes the document declares', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hey-api-'));
    const generator = join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');
    await run(process.execPath, [generator, '-i', join(ROOT, 'openapi.yaml'), '-o', join(dir, 'client')], {
      cwd: dir,
    });
    await writeFile(join(dir, 'usage.ts'), USAGE);
    await writeFile(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          lib: ['es2022', 'dom', 'dom.iterable'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          noUncheckedIndexedAccess: true,
          types: [],
        },
        include: ['client', 'usage.ts'],
      }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const checked = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).catch((error) => error);
    expect(`${checked.stdout ?? ''}${checked.stderr ?? ''}`).toBe('');
  }, 60_000);
});
