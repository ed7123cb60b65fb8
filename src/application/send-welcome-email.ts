import type { CustomerRepository } from './ports/customer-repository.js';
import type { Mailer } from './ports/mailer.js';
import { requireCustomer } from './require-customer.js';

interface Dependencies {
  readonly customers: CustomerRepository;
  readonly mailer: Mailer;
}

// Registration's last step, with no undo: a message sent cannot be taken back. Once per customer.
export class SendWelcomeEmail {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { customerId: string }): Promise<void> {
    const customer = (await requireCustomer(this.deps.customers, input.customerId)).toSnapshot();
    await this.deps.mailer.send({
      idempotencyKey: `customer/${customer.id}/welcome`,
      to: customer.email,
      subject: 'Welcome to order-saga',
      text: `Hello ${customer.name}, your account is ready and your card is kept for your next orders.`,
    });
  }
}
