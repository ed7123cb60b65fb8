import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRepository } from '../../src/application/ports/customer-repository.js';
import { Customer } from '../../src/domain/customer/customer.js';
import { uniqueName } from '../support/settings.js';

export interface CustomerRepositoryUnderTest {
  readonly customers: CustomerRepository;
  stop(): Promise<void>;
}

const REGISTERED_AT = new Date('2025-03-04T05:06:07.891Z');
const LATER = new Date('2025-03-04T05:07:08.912Z');

const aCustomer = (id = uniqueName('customer'), name = 'Ada Lovelace') =>
  Customer.register({ id, name, email: 'ada@example.com', at: REGISTERED_AT });

// What every CustomerRepository must do, whatever it stores customers in. Run against each adapter.
export function customerRepositoryContract(
  name: string,
  start: () => Promise<CustomerRepositoryUnderTest>,
): void {
  describe(`${name} (CustomerRepository contract)`, () => {
    let subject: CustomerRepositoryUnderTest | undefined;
    let customers: CustomerRepository;
    beforeAll(async () => {
      subject = await start();
      customers = subject.customers;
    });
    afterAll(() => subject?.stop());

    it('finds a customer it added, field for field', async () => {
      const customer = aCustomer();
      expect((await customers.add(customer)).toSnapshot()).toEqual(customer.toSnapshot());
      expect((await customers.findById(customer.id))?.toSnapshot()).toEqual(customer.toSnapshot());
    });

    it('keeps the first customer when one with the same id is added again', async () => {
      const first = aCustomer();
      await customers.add(first);
      const again = await customers.add(aCustomer(first.id, 'Someone Else'));
      expect(again.toSnapshot()).toEqual(first.toSnapshot());
    });

    it('saves a payment method and a deletion', async () => {
      const customer = await customers.add(aCustomer());
      const changed = customer.withPaymentMethod('pm_1', LATER).deleted(LATER);
      await customers.save(changed);
      expect((await customers.findById(customer.id))?.toSnapshot()).toEqual(changed.toSnapshot());
    });

    it('finds no customer under an unknown id', async () => {
      expect(await customers.findById(uniqueName('customer'))).toBeNull();
    });
  });
}
