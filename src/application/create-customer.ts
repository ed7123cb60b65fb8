import { Customer } from '../domain/customer/customer.js';
import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';

interface Dependencies {
  readonly customers: CustomerRepository;
  readonly clock: Clock;
}

// Registration step: store the customer, ACTIVE. A repeat finds the customer stored by the first.
// Compensation: MarkCustomerDeleted.
export class CreateCustomer {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string; name: string; email: string }): Promise<{ id: string }> {
    const customer = Customer.register({ ...input, id: input.customerId, at: this.deps.clock.now() });
    return { id: (await this.deps.customers.add(customer)).id };
  }
}
