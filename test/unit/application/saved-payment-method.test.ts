import { describe, expect, it } from 'vitest';
import { createMemoryWorld, GOOD_CARD } from '../../support/memory-world.js';

const ADA = { customerId: 'customer-ada', name: 'Ada Lovelace', email: 'ada@example.com' };
const BOB = { customerId: 'customer-bob', name: 'Bob Baker', email: 'bob@example.com' };
const LINES = [{ productId: 'p-1', quantity: 2 }];

// Customers registered by their saga, run in memory: each keeps GOOD_CARD at the gateway.
async function worldWithCustomers() {
  const world = createMemoryWorld({ runSagas: true });
  await world.stockProduct('p-1', 10, 1250);
  for (const customer of [ADA, BOB]) {
    await world.registrations.startCustomerRegistration({ ...customer, cardToken: GOOD_CARD });
  }
  const methodOf = async (customerId: string) =>
    (await world.customers.findById(customerId))?.toSnapshot().paymentMethodId ?? 'none';
  return { world, methodOf };
}

describe('placing an order paid with a saved payment method', () => {
  it("confirms the order, charged to the customer's method, and the payment records which method", async () => {
    const { world, methodOf } = await worldWithCustomers();
    const paymentMethodId = await methodOf(ADA.customerId);
    const { orderId } = await world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      paymentMethodId,
      lines: LINES,
    });
    expect(world.sagaResults.get(orderId)).toEqual({ status: 'CONFIRMED' });
    expect(world.sagas.started()).toEqual([expect.objectContaining({ orderId, paymentMethodId })]);
    expect(world.sagas.started()[0]).not.toHaveProperty('cardToken');
    const payment = (await world.payments.findByOrderId(orderId))?.toSnapshot();
    expect(payment).toMatchObject({ status: 'CAPTURED', paymentMethodId });
  });

  it('records no payment method on an order paid with a card token', async () => {
    const { world } = await worldWithCustomers();
    const { orderId } = await world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      cardToken: GOOD_CARD,
      lines: LINES,
    });
    expect((await world.payments.findByOrderId(orderId))?.toSnapshot().paymentMethodId).toBeNull();
  });

  it.each([
    ['another customer', async (methodOf: (id: string) => Promise<string>) => methodOf(BOB.customerId)],
    ['no one', async () => 'pm-unknown'],
  ])('refuses a method of %s with PAYMENT_METHOD.NOT_FOUND, and starts no saga', async (_, methodFor) => {
    const { world, methodOf } = await worldWithCustomers();
    const placing = world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      paymentMethodId: await methodFor(methodOf),
      lines: LINES,
    });
    await expect(placing).rejects.toMatchObject({ code: 'PAYMENT_METHOD.NOT_FOUND' });
    expect(world.sagas.started()).toEqual([]);
  });

  it('refuses the method of a customer whose registration was undone (deleted)', async () => {
    const { world, methodOf } = await worldWithCustomers();
    const paymentMethodId = await methodOf(ADA.customerId);
    const ada = await world.customers.findById(ADA.customerId);
    if (ada === null) throw new Error('Ada was not registered');
    await world.customers.save(ada.deleted(new Date()));
    const placing = world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      paymentMethodId,
      lines: LINES,
    });
    await expect(placing).rejects.toMatchObject({ code: 'PAYMENT_METHOD.NOT_FOUND' });
    expect(world.sagas.started()).toEqual([]);
  });

  it.each([
    ['both', { cardToken: GOOD_CARD, paymentMethodId: 'pm-1' }],
    ['neither', {}],
  ])('refuses an order that gives %s of cardToken and paymentMethodId', async (_, payment) => {
    const { world } = await worldWithCustomers();
    const placing = world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      ...payment,
      lines: LINES,
    });
    await expect(placing).rejects.toMatchObject({ code: 'VALIDATION.INVALID_FIELD', field: 'payment' });
    expect(world.sagas.started()).toEqual([]);
  });

  it('cancels the order, voiding nothing, when the method was removed after the order was placed', async () => {
    const { world, methodOf } = await worldWithCustomers();
    const paymentMethodId = await methodOf(ADA.customerId);
    await world.gateway.removePaymentMethods(ADA.customerId);
    const { orderId } = await world.useCases.placeOrder.execute({
      customerId: ADA.customerId,
      paymentMethodId,
      lines: LINES,
    });
    expect(world.sagaResults.get(orderId)).toEqual({ status: 'CANCELLED', code: 'PAYMENT.DECLINED' });
    expect(world.gateway.movedMoney()).toEqual([]);
  });
});
