import { describe, expect, it } from 'vitest';
import { Customer } from '../../../src/domain/customer/customer.js';
import { anOrderBody, createHttpWorld } from './http-world.js';

async function worldWithCustomer() {
  const world = await createHttpWorld();
  await world.stockProduct('kb-ergo', 10, 8999);
  const at = new Date('2026-12-01T00:00:00Z');
  const alice = Customer.register({ id: 'customer-1', name: 'Alice', email: 'alice@example.com', at });
  await world.customers.add(alice.withPaymentMethod('pm-alice', at));
  return world;
}

describe('POST /orders paid with a saved payment method', () => {
  it("answers 202 and starts the saga with the customer's method and no card token", async () => {
    const world = await worldWithCustomer();
    const { response } = await world.placeOrder(
      anOrderBody({ cardToken: undefined, paymentMethodId: 'pm-alice' }),
    );
    expect(response.statusCode).toBe(202);
    expect(world.sagas.started()).toEqual([expect.objectContaining({ paymentMethodId: 'pm-alice' })]);
    expect(world.sagas.started()[0]).not.toHaveProperty('cardToken');
  });

  it.each([
    ['both', { paymentMethodId: 'pm-alice' }],
    ['neither', { cardToken: undefined }],
  ])(
    'answers 400 problem+json when the body gives %s of cardToken and paymentMethodId',
    async (_, payment) => {
      const world = await worldWithCustomer();
      const { response } = await world.placeOrder(anOrderBody(payment));
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field: 'payment' });
      expect(world.sagas.started()).toEqual([]);
    },
  );

  it('answers 404 PAYMENT_METHOD.NOT_FOUND for a method that is not the caller’s, starting no saga', async () => {
    const world = await worldWithCustomer();
    const { response } = await world.placeOrder(
      anOrderBody({ customerId: 'customer-2', cardToken: undefined, paymentMethodId: 'pm-alice' }),
    );
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'PAYMENT_METHOD.NOT_FOUND' });
    expect(world.sagas.started()).toEqual([]);
  });
});
