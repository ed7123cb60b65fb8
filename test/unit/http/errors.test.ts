import { describe, expect, it, vi } from 'vitest';
import { statusOf } from '../../../src/adapters/http/error-status.js';
import { APPLICATION_ERROR_CODES } from '../../../src/application/application-error.js';
import { ConcurrencyConflict, TRANSIENT_FAULT_CODES } from '../../../src/application/transient-fault.js';
import { DOMAIN_ERROR_CODES } from '../../../src/domain/shared/error-codes.js';
import { ADMIN_KEY, createHttpWorld } from './http-world.js';

describe('errors', () => {
  it.each([...DOMAIN_ERROR_CODES, ...APPLICATION_ERROR_CODES, ...TRANSIENT_FAULT_CODES])(
    'maps %s to a client or availability status',
    (code) => {
      expect([400, 403, 404, 409, 422, 503]).toContain(statusOf(code));
    },
  );

  it('answers an unexpected error with 500 and a fixed sentence: no message, no stack', async () => {
    const world = await createHttpWorld();
    vi.spyOn(world.useCases.getProduct, 'execute').mockRejectedValue(
      new Error('relation "products" does not exist at /srv/app/secret.ts:42'),
    );
    const response = await world.app.inject({ url: '/products/kb-ergo' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'INTERNAL', detail: 'Something went wrong on our side' });
    expect(response.body).not.toMatch(/relation|secret|\.ts|at /);
  });

  it('does not tell a client about versions when writes collide', async () => {
    const world = await createHttpWorld();
    vi.spyOn(world.useCases.registerProduct, 'execute').mockRejectedValue(
      new ConcurrencyConflict('Product', 'kb-ergo', 3, 4),
    );
    const response = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      headers: { 'x-api-key': ADMIN_KEY },
      payload: { name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ code: 'TRANSIENT.CONCURRENT_MODIFICATION' });
    expect(response.body).not.toMatch(/version/);
  });

  it('answers an unknown route with a problem', async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({ url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE.NOT_FOUND', instance: '/nowhere' });
  });

  it("echoes the caller's request id in the problem", async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({
      url: '/orders/none',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.json()).toMatchObject({ requestId: 'trace-123' });
  });
});
