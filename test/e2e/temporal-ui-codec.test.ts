import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../packages/client/src/index.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/chromium.js';
import { ROOT } from '../support/dependency-rule.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, E2E_ADMIN_KEY, eventually } from './api-service.js';

// The little of the DOM the init script uses (the project's TypeScript has no DOM library).
interface BrowserGlobals {
  readonly location: { readonly origin: string };
  readonly localStorage: { setItem(key: string, value: string): void };
}

const ARTIFACTS = join(ROOT, '.data/artifacts');
const UI = `http://127.0.0.1:${process.env.TEMPORAL_UI_PORT ?? '8233'}`;

// An operator reading a saga in the Temporal Web UI (the stack's dev server), in real headless Chromium:
// signed in at the API's codec endpoint, the page shows the saga's input decoded; not signed in, the
// same page shows ciphertext, and never the card token.
describe('the Temporal Web UI through the codec endpoint', () => {
  let service: ApiService;
  let profiles: string[] = [];
  const browsers: BrowserContext[] = [];
  let sagaId: string;
  let orderId: string;
  const productId = uniqueName('ui-p');

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    service = await ApiService.start();
    const staff = createClient({ baseUrl: service.baseUrl, apiKey: E2E_ADMIN_KEY });
    const params = { path: { productId } };
    await staff.PUT('/products/{productId}', {
      params,
      body: { name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } },
    });
    await staff.POST('/products/{productId}/restock', { params, body: { quantity: 5 } });
    const customer = createClient({
      baseUrl: service.baseUrl,
      customerToken: await service.customerToken('customer-ui'),
    });
    const { data } = await customer.POST('/orders', {
      body: { customerId: 'customer-ui', cardToken: 'tok_visa', lines: [{ productId, quantity: 1 }] },
    });
    if (data === undefined) throw new Error('the order was not placed');
    ({ orderId, sagaId } = data);
    await eventually(
      async () => (await customer.GET('/orders/{orderId}', { params: { path: { orderId } } })).data?.status,
      (status) => status === 'CONFIRMED',
    );
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close();
    await service?.stop();
    for (const profile of profiles) await rm(profile, { recursive: true, force: true });
  });

  // A fresh browser whose Web UI uses the API under test as its codec server, with cookies, as an
  // operator sets it in the UI's "Codec Server" settings (the stack's UI points at the dev API's port).
  async function browser(): Promise<BrowserContext> {
    const profile = await mkdtemp(join(tmpdir(), 'order-saga-chromium-'));
    profiles = [...profiles, profile];
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1400, height: 1800 },
    });
    browsers.push(context);
    const endpoint = `${service.baseUrl}/codec`;
    await context.addInitScript(
      ([ui, codec]) => {
        const page = globalThis as unknown as BrowserGlobals;
        if (page.location.origin !== ui) return;
        page.localStorage.setItem('endpoint', JSON.stringify(codec));
        page.localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
        page.localStorage.setItem('includeCredentials', 'true');
      },
      [UI, endpoint],
    );
    return context;
  }

  const textOf = async (page: Page) => (await page.locator('body').textContent()) ?? '';

  async function openSaga(page: Page): Promise<void> {
    await page.goto(`${UI}/namespaces/default/workflows/${encodeURIComponent(sagaId)}`);
    await expect.poll(() => textOf(page), { timeout: 30_000 }).toContain('Input');
  }

  it('shows the saga input decoded to an operator signed in with an ops:payloads key', async () => {
    const context = await browser();
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/codec/login`);
    await page.locator('input[name=apiKey]').fill(E2E_ADMIN_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#signed-in').waitFor();

    await openSaga(page);
    // The product of the order's line is in the saga's input only.
    await expect.poll(() => textOf(page), { timeout: 30_000 }).toContain(productId);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'temporal-ui-decoded.png') });
    // The dev server's UI pretty-prints the input, the cluster's UI server (2.58) shows it on one line.
    expect(await textOf(page)).toMatch(new RegExp(`"orderId":\\s*"${orderId}"`));
  });

  it('shows ciphertext, never the order or its card, to a browser that is not signed in', async () => {
    const context = await browser();
    const page = await context.newPage();
    const refused = page.waitForResponse((answer) =>
      new URL(answer.url()).pathname.endsWith('/codec/decode'),
    );

    await openSaga(page);
    expect((await refused).status()).toBe(401);
    // The UI shows the payloads' base64 ciphertext, under its banner for a codec server that refused.
    await expect.poll(() => textOf(page), { timeout: 30_000 }).toContain('Codec Server could not connect');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'temporal-ui-encrypted.png') });
    const text = await textOf(page);
    // The saga's id names the order; the input's fields are what the codec hides.
    expect(text).not.toContain(productId);
    expect(text).not.toContain('tok_visa');
  });
});
