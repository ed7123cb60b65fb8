import type { RegistrationStarter } from '../../application/ports/registration-starter.js';
import type { CustomerRegistrationInput } from '../../application/sagas/customer-registration.js';

// Records the registrations it was asked to start, once per customer, and runs each with the given
// runner if there is one (the unit tests' in-memory saga).
export class InMemoryRegistrationStarter implements RegistrationStarter {
  private readonly registrations = new Map<string, CustomerRegistrationInput>();
  private readonly runner: ((input: CustomerRegistrationInput) => Promise<void>) | undefined;

  constructor(runner?: (input: CustomerRegistrationInput) => Promise<void>) {
    this.runner = runner;
  }

  async startCustomerRegistration(input: CustomerRegistrationInput): Promise<{ sagaId: string }> {
    const sagaId = `customer-${input.customerId}`;
    if (this.registrations.has(input.customerId)) return { sagaId };
    this.registrations.set(input.customerId, structuredClone(input));
    await this.runner?.(input);
    return { sagaId };
  }

  started(): readonly CustomerRegistrationInput[] {
    return [...this.registrations.values()];
  }
}
