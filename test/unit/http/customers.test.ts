import { describe, expect, it } from 'vitest';
import { createHttpWorld, type HttpWorld } from './http-world.js';

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', cardToken: 'tok_visa' };

async function register(world: HttpWorld, customerId: string, headers: Record<string, string> = {}) {
  return world.app.inject({
    method: 'POST',
    url: '/customers',
    payload: ADA,
    headers: { ...(await world.asCustomer(customerId)), ...headers },
  });
}

// Runs the registration's first step, as the worker would: the customer is then stored.
async function storeCustomer(world: HttpWorld, customerId: string): Promise<void> {
  await world.registrationUseCases.createCustomer.execute({ ...ADA, customerId });
}

describe('POST /customers', () => {
  it('starts the registration of the token’s subject and answers 202 with its id', async () => {
    const world = await createHttpWorld();
    const response = await register(world, 'customer-ada');
    expect(response.statusCode).toBe(202);
    expect(response.headers.location).toBe('/customers/customer-ada');
    expect(response.json()).toEqual({ customerId: 'customer-ada', sagaId: 'customer-customer-ada' });
    expect(world.registrations.started()).toEqual([{ ...ADA, customerId: 'customer-ada' }]);
  });

  it('answers a repeat under the same Idempotency-Key with the first answer, starting one registration', async () => {
    const world = await createHttpWorld();
    const key = { 'idempotency-key': 'register-ada-0001' };
    const first = await register(world, 'customer-ada', key);
    const again = await register(world, 'customer-ada', key);
    expect(again.statusCode).toBe(202);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(world.registrations.started()).toHaveLength(1);
  });

  it('refuses an e-mail that is no address with 400 and starts nothing', async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'POST',
      url: '/customers',
      payload: { ...ADA, email: 'not-an-address' },
      headers: await world.asCustomer('customer-ada'),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD' });
    expect(world.registrations.started()).toEqual([]);
  });

  it('refuses a key, which is nobody to register, with 403', async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'POST',
      url: '/customers',
      payload: ADA,
      headers: await world.withKey('orders:read-all'),
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('GET /customers/{customerId}', () => {
  it('shows the customer to themself', async () => {
    const world = await createHttpWorld();
    await storeCustomer(world, 'customer-ada');
    const response = await world.app.inject({
      url: '/customers/customer-ada',
      headers: await world.asCustomer('customer-ada'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: 'customer-ada',
      email: ADA.email,
      status: 'ACTIVE',
      paymentMethodId: null,
    });
  });

  it('shows any customer to a key with orders:read-all', async () => {
    const world = await createHttpWorld();
    await storeCustomer(world, 'customer-ada');
    const response = await world.app.inject({
      url: '/customers/customer-ada',
      headers: await world.withKey('orders:read-all'),
    });
    expect(response.statusCode).toBe(200);
  });

  it('answers another customer exactly as for a customer that does not exist: 404', async () => {
    const world = await createHttpWorld();
    await storeCustomer(world, 'customer-ada');
    const other = await world.app.inject({
      url: '/customers/customer-ada',
      headers: await world.asCustomer('customer-bob'),
    });
    const missing = await world.app.inject({
      url: '/customers/customer-bob',
      headers: await world.asCustomer('customer-bob'),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json()).toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
    expect(missing.statusCode).toBe(404);
  });
});
