import type { CustomerSnapshot } from '../domain/customer/customer.js';
import { CustomerNotFound } from '../domain/customer/customer-not-found.js';
import { type Caller, hasScope } from './caller.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import { requireCustomer } from './require-customer.js';

interface Dependencies {
  readonly customers: CustomerRepository;
}

// The customer themself, or a key that reads every order; to anyone else the customer does not exist.
export class GetCustomer {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string; caller: Caller }): Promise<CustomerSnapshot> {
    const { customerId, caller } = input;
    const self = caller.kind === 'customer' && caller.customerId === customerId;
    if (!self && !hasScope(caller, 'orders:read-all')) throw new CustomerNotFound(customerId);
    return (await requireCustomer(this.deps.customers, customerId)).toSnapshot();
  }
}
