import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import type { PaymentGateway } from './ports/payment-gateway.js';

interface Dependencies {
  readonly customers: CustomerRepository;
  readonly gateway: PaymentGateway;
  readonly clock: Clock;
}

// Undoes RegisterPaymentMethod. Asks the gateway to forget the customer's cards whatever our record
// says: a registration whose answer was lost kept a card we never heard of.
export class RemovePaymentMethod {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string }): Promise<void> {
    await this.deps.gateway.removePaymentMethods(input.customerId);
    const customer = await this.deps.customers.findById(input.customerId);
    if (customer === null || customer.paymentMethodId === null) return;
    await this.deps.customers.save(customer.withoutPaymentMethod(this.deps.clock.now()));
  }
}
