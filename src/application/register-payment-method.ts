import { PaymentMethodDeclined } from '../domain/payment/payment-errors.js';
import { requireText } from '../domain/shared/require.js';
import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import type { PaymentGateway } from './ports/payment-gateway.js';
import { requireCustomer } from './require-customer.js';

interface Dependencies {
  readonly customers: CustomerRepository;
  readonly gateway: PaymentGateway;
  readonly clock: Clock;
}

// Registration step: the gateway keeps the customer's card, or PAYMENT.METHOD_DECLINED.
// Compensation: RemovePaymentMethod.
export class RegisterPaymentMethod {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string; cardToken: string }): Promise<{ paymentMethodId: string }> {
    const customer = await requireCustomer(this.deps.customers, input.customerId);
    if (customer.paymentMethodId !== null) return { paymentMethodId: customer.paymentMethodId };
    // If an earlier attempt reached the gateway but not our database, the same key gets its answer back.
    const result = await this.deps.gateway.registerPaymentMethod({
      idempotencyKey: `customer/${customer.id}/register-payment-method`,
      customerId: customer.id,
      cardToken: requireText(input.cardToken, 'cardToken', 200),
    });
    if (result.status === 'DECLINED') throw new PaymentMethodDeclined(customer.id, result.reason);
    await this.deps.customers.save(customer.withPaymentMethod(result.paymentMethodId, this.deps.clock.now()));
    return { paymentMethodId: result.paymentMethodId };
  }
}
