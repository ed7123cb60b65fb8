import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../packages/client/src/index.js';
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from '../support/chromium.js';
import { ROOT } from '../support/dependency-rule.js';
import { ApiService, E2E_ADMIN_KEY } from './api-service.js';

const ARTIFACTS = join(ROOT, '.data/artifacts');

// A person trying the API in Swagger UI at /docs, in real headless Chromium.
describe('Swagger UI', () => {
  let service: ApiService;
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    service = await ApiService.start();
    // The product of POST /orders's example body, so that "Try it out" works as the page offers it.
    const sdk = createClient({ baseUrl: service.baseUrl, apiKey: E2E_ADMIN_KEY });
    const params = { path: { productId: 'kb-ergo' } };
    const unitPrice = { amount: 8999, currency: 'EUR' };
    await sdk.PUT('/products/{productId}', { params, body: { name: 'Ergonomic keyboard', unitPrice } });
    await sdk.POST('/products/{productId}/restock', { params, body: { quantity: 5 } });
    // A fresh profile each run: nothing from an earlier run can make this one pass.
    profile = await mkdtemp(join(tmpdir(), 'order-saga-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 1600 },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (profile !== undefined) await rm(profile, { recursive: true, force: true });
  });

  it('lists the operations, and "Try it out" on POST /orders gets a 202', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.baseUrl}/docs`);
    await page.locator('.opblock').first().waitFor();
    const operations = await page
      .locator('.opblock')
      .evaluateAll((blocks) => blocks.map((block) => block.id));
    expect(operations).toEqual(
      expect.arrayContaining([
        'operations-orders-placeOrder',
        'operations-orders-getOrder',
        'operations-orders-cancelOrder',
        'operations-orders-listOrders',
        'operations-products-registerProduct',
        'operations-products-restockProduct',
        'operations-products-getProductStock',
        'operations-health-ready',
      ]),
    );

    // Authorize as the customer of the example body, as a person would paste `npm run token`'s output.
    await page.locator('.auth-wrapper .authorize').click();
    const scheme = page.locator('.auth-container').filter({ hasText: 'customerToken' });
    await scheme
      .locator('input')
      .first()
      .fill(await service.customerToken('customer-42'));
    await scheme.locator('button.modal-btn.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done').first().click();

    const placeOrder = page.locator('#operations-orders-placeOrder');
    await placeOrder.locator('.opblock-summary').click();
    await placeOrder.getByRole('button', { name: 'Try it out' }).click();
    await expect
      .poll(() => placeOrder.locator('textarea.body-param__text').inputValue())
      .toContain('kb-ergo');
    await placeOrder.getByRole('button', { name: 'Execute' }).click();
    const status = placeOrder.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor();
    await placeOrder.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui-place-order.png'), fullPage: false });
    expect((await status.first().textContent())?.trim()).toBe('202');
    const answer = placeOrder.locator('.live-responses-table .response .response-col_description').first();
    expect(await answer.locator('pre').first().textContent()).toContain('"status": "PENDING"');
    // A new order, not the replay of an earlier one under an Idempotency-Key the page filled in.
    expect(await answer.textContent()).not.toContain('idempotent-replayed');
  });
});
