import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.js';
import { ROOT } from '../support/dependency-rule.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY } from './api-service.js';

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, timeout: 180_000 });

// What a user of the client runs: the package as `npm pack` ships it, installed from its tarball into
// a project of its own outside this repository, run by plain Node (no tsx, no TypeScript).
const FLOW = `
import { createClient } from '@order-saga/client';

const { BASE_URL, API_KEY, TOKEN, CUSTOMER, PRODUCT } = process.env;
const staff = createClient({ baseUrl: BASE_URL, apiKey: API_KEY });
const alice = createClient({ baseUrl: BASE_URL, customerToken: TOKEN });
const params = { path: { productId: PRODUCT } };
await staff.PUT('/products/{productId}', { params, body: { name: 'Keyboard', unitPrice: { amount: 1250, currency: 'EUR' } } });
await staff.POST('/products/{productId}/restock', { params, body: { quantity: 5 } });
const order = (cardToken) => ({ body: { customerId: CUSTOMER, cardToken, lines: [{ productId: PRODUCT, quantity: 2 }] } });
const placed = await alice.POST('/orders', order('tok_visa'));
let status = placed.data.status;
for (let i = 0; i < 300 && status === 'PENDING'; i++) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  status = (await alice.GET('/orders/{orderId}', { params: { path: { orderId: placed.data.orderId } } })).data.status;
}
const path = { path: { orderId: placed.data.orderId } };
const shipped = await staff.POST('/orders/{orderId}/shipment', { params: path, body: { carrier: 'DHL', trackingNumber: 'JD0146' } });
const tooLate = await alice.POST('/orders/{orderId}/cancel', { params: path });
const key = { header: { 'idempotency-key': 'flow-' + PRODUCT } };
await alice.POST('/orders', { ...order('tok_visa'), params: key });
const reused = await alice.POST('/orders', { ...order('tok_mastercard'), params: key });
const stock = await alice.GET('/products/{productId}/stock', { params });
console.log(JSON.stringify({ placed: placed.response.status, status, shipped: shipped.data?.status, tooLate: tooLate.error, reused: reused.error?.code, stock: stock.data }));
`;

// A consumer's TypeScript, checked against the declarations the package ships.
const CONSUMER = `
import { createClient } from '@order-saga/client';

const client = createClient({ baseUrl: 'http://127.0.0.1:3000', customerToken: () => 'token' });
export async function cancel(orderId: string): Promise<string> {
  const { error } = await client.POST('/orders/{orderId}/cancel', { params: { path: { orderId } } });
  if (error === undefined) return 'requested';
  if (error.status === 409) return error.code;
  // @ts-expect-error a cancellation never answers IDEMPOTENCY.KEY_REUSED
  if (error.code === 'IDEMPOTENCY.KEY_REUSED') return 'impossible';
  return error.code;
}
`;

describe('the packed client package', () => {
  let service: ApiService;
  let scratch: string;

  beforeAll(async () => {
    service = await ApiService.start();
    scratch = await mkdtemp(join(tmpdir(), 'order-saga-client-'));
    await npm(['pack', '--pack-destination', scratch], join(ROOT, 'packages/client'));
    const [tarball] = (await readdir(scratch)).filter((file) => file.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack wrote no tarball');
    await writeFile(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    await npm(['install', '--prefer-offline', join(scratch, tarball)], scratch);
  });
  afterAll(async () => {
    await service?.stop();
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
  });

  it('ships only its build, its README and its package.json', async () => {
    const { stdout } = await npm(['pack', '--dry-run', '--json'], join(ROOT, 'packages/client'));
    const [packed] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    const paths = packed.files.map((file) => file.path);
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths.filter((path) => !path.startsWith('dist/'))).toEqual(['README.md', 'package.json']);
  });

  it('installs from its tarball with openapi-fetch as its only dependency', async () => {
    const { stdout } = await npm(['ls', '--all', '--parseable'], scratch);
    const installed = stdout
      .split('\n')
      .filter((line) => line.includes('node_modules'))
      .map((line) => line.slice(line.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(installed.sort()).toEqual(['@order-saga/client', 'openapi-fetch', 'openapi-typescript-helpers']);
  });

  it('runs a flow against the real API on plain Node: an order confirmed and shipped, cancel refused, a key reused', async () => {
    await writeFile(join(scratch, 'flow.mjs'), FLOW);
    const customer = uniqueName('pack-customer');
    const product = uniqueName('pack-p');
    const { stdout } = await run(process.execPath, ['flow.mjs'], {
      cwd: scratch,
      timeout: 90_000,
      env: {
        PATH: process.env.PATH,
        BASE_URL: service.baseUrl,
        API_KEY: E2E_ADMIN_KEY,
        TOKEN: await service.customerToken(customer),
        CUSTOMER: customer,
        PRODUCT: product,
      },
    });
    const flow = JSON.parse(stdout);
    expect(flow).toMatchObject({
      placed: 202,
      status: 'CONFIRMED',
      shipped: 'SHIPPED',
      tooLate: { status: 409, code: 'ORDER.NOT_CANCELLABLE' },
      reused: 'IDEMPOTENCY.KEY_REUSED',
      stock: { productId: product },
    });
    // The order keyed twice may not be reserved yet: the units are all accounted for, however.
    const { available, reserved, committed } = flow.stock;
    expect([available + reserved + committed, committed >= 2]).toEqual([5, true]);
  });

  it('type-checks a consumer under tsc --strict against the declarations it ships', async () => {
    await writeFile(join(scratch, 'consumer.ts'), CONSUMER);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const options = [
      '--strict',
      '--noEmit',
      '--module',
      'nodenext',
      '--target',
      'es2022',
      '--lib',
      'es2022,dom',
    ];
    await expect(
      run(process.execPath, [tsc, ...options, 'consumer.ts'], { cwd: scratch }),
    ).resolves.toBeDefined();
  });

  it('places an order from a browser page, loading the installed package by an import map', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    const modules = join(scratch, 'node_modules');
    const files: Record<string, string> = {
      'openapi-fetch.js': join(modules, 'openapi-fetch/dist/index.mjs'),
    };
    for (const file of await readdir(join(modules, '@order-saga/client/dist'))) {
      files[`client/${file}`] = join(modules, '@order-saga/client/dist', file);
    }
    const page = `<!doctype html><script type="importmap">${JSON.stringify({
      imports: {
        '@order-saga/client': '/browser/client/index.js',
        'openapi-fetch': '/browser/openapi-fetch.js',
      },
    })}</script>`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    try {
      const tab = await browser.newPage();
      // The page and the package's files as if served by the API's own origin, so no CORS is needed.
      await tab.route(`${service.baseUrl}/browser/**`, async (route) => {
        const path = new URL(route.request().url()).pathname.replace('/browser/', '');
        const file = files[path];
        if (path === 'index.html') return route.fulfill({ contentType: 'text/html', body: page });
        if (file === undefined) return route.fulfill({ status: 404 });
        return route.fulfill({ contentType: 'text/javascript', body: await readFile(file, 'utf8') });
      });
      await tab.goto(`${service.baseUrl}/browser/index.html`);
      const customer = uniqueName('browser-customer');
      const token = await service.customerToken(customer);
      // A string, so that the test runner does not rewrite its import() for Node.
      const answer = await tab.evaluate(`(async () => {
        const { createClient } = await import('@order-saga/client');
        const client = createClient({ baseUrl: location.origin, customerToken: ${JSON.stringify(token)} });
        const lines = [{ productId: 'browser-missing', quantity: 1 }];
        const body = { customerId: ${JSON.stringify(customer)}, cardToken: 'tok_visa', lines };
        const { error, response } = await client.POST('/orders', { body });
        return { status: response.status, code: error?.code };
      })()`);
      expect(answer).toEqual({ status: 404, code: 'PRODUCT.NOT_FOUND' });
    } finally {
      await browser.close();
    }
  });
});
