import { describe, expect, it } from 'vitest';
import { createMemoryWorld, GOOD_CARD, NOT_REUSABLE_CARD } from '../../support/memory-world.js';

const ADA = { customerId: 'customer-ada', name: 'Ada Lovelace', email: 'ada@example.com' };

async function register(cardToken: string) {
  const world = createMemoryWorld({ runSagas: true });
  await world.registrations.startCustomerRegistration({ ...ADA, cardToken });
  return {
    world,
    result: world.registrationResults.get(ADA.customerId),
    customer: (await world.customers.findById(ADA.customerId))?.toSnapshot(),
    methods: await world.gateway.paymentMethodsOf(ADA.customerId),
  };
}

describe('customer registration over the use-cases (the definition run in memory)', () => {
  it('stores the customer ACTIVE with the card kept at the gateway, and welcomes them once', async () => {
    const { world, result, customer, methods } = await register(GOOD_CARD);
    expect(result).toEqual({ status: 'CONFIRMED' });
    expect(customer).toMatchObject({ status: 'ACTIVE', paymentMethodId: methods[0] });
    expect(methods).toHaveLength(1);
    expect(world.mailer.outbox().map((mail) => mail.to)).toEqual([ADA.email]);
  });

  it('marks the customer DELETED, keeps no card and sends no mail when the gateway will not keep the card', async () => {
    const { world, result, customer, methods } = await register(NOT_REUSABLE_CARD);
    expect(result).toEqual({ status: 'CANCELLED', code: 'PAYMENT.METHOD_DECLINED' });
    expect(customer).toMatchObject({ status: 'DELETED', paymentMethodId: null });
    expect(methods).toEqual([]);
    expect(world.mailer.outbox()).toEqual([]);
  });

  it('does each step once however often it runs', async () => {
    const { world } = await register(GOOD_CARD);
    const steps = world.registrationUseCases;
    const before = (await world.customers.findById(ADA.customerId))?.toSnapshot();
    await steps.createCustomer.execute(ADA);
    await steps.registerPaymentMethod.execute({ customerId: ADA.customerId, cardToken: GOOD_CARD });
    await steps.sendWelcomeEmail.execute({ customerId: ADA.customerId });
    expect((await world.customers.findById(ADA.customerId))?.toSnapshot()).toEqual(before);
    expect(await world.gateway.paymentMethodsOf(ADA.customerId)).toHaveLength(1);
    expect(world.mailer.outbox()).toHaveLength(1);
  });

  it('undoes each step once however often its compensation runs, and undoes nothing never done', async () => {
    const { world } = await register(GOOD_CARD);
    const steps = world.registrationUseCases;
    for (let run = 0; run < 2; run += 1) {
      await steps.removePaymentMethod.execute({ customerId: ADA.customerId });
      await steps.markCustomerDeleted.execute({ customerId: ADA.customerId });
    }
    await steps.removePaymentMethod.execute({ customerId: 'customer-never' });
    await steps.markCustomerDeleted.execute({ customerId: 'customer-never' });
    expect((await world.customers.findById(ADA.customerId))?.toSnapshot()).toMatchObject({
      status: 'DELETED',
      paymentMethodId: null,
    });
    expect(await world.customers.findById('customer-never')).toBeNull();
  });
});
