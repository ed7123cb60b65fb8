import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';

interface Dependencies {
  readonly customers: CustomerRepository;
  readonly clock: Clock;
}

// Undoes CreateCustomer. No customer means the step never took effect: nothing to undo.
export class MarkCustomerDeleted {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string }): Promise<void> {
    const customer = await this.deps.customers.findById(input.customerId);
    if (customer === null || customer.status === 'DELETED') return;
    await this.deps.customers.save(customer.deleted(this.deps.clock.now()));
  }
}
