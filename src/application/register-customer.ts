import { Customer } from '../domain/customer/customer.js';
import { requireText } from '../domain/shared/require.js';
import { type Caller, requireSelf } from './caller.js';
import type { Clock } from './ports/clock.js';
import type { RegistrationStarter } from './ports/registration-starter.js';

export interface RegisterCustomerInput {
  readonly caller: Caller;
  readonly name: string;
  readonly email: string;
  readonly cardToken: string;
}

interface Dependencies {
  readonly registrations: RegistrationStarter;
  readonly clock: Clock;
}

// A customer registers themself: their id is their token's subject. The request is checked here, so a
// malformed one is refused at once; the registration saga then stores the customer as its first step.
export class RegisterCustomer {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: RegisterCustomerInput): Promise<{ customerId: string; sagaId: string }> {
    const customerId = input.caller.kind === 'customer' ? input.caller.customerId : '';
    requireSelf(input.caller, customerId);
    const { name, email } = Customer.register({
      ...input,
      id: customerId,
      at: this.deps.clock.now(),
    }).toSnapshot();
    const cardToken = requireText(input.cardToken, 'cardToken', 200);
    const { sagaId } = await this.deps.registrations.startCustomerRegistration({
      customerId,
      name,
      email,
      cardToken,
    });
    return { customerId, sagaId };
  }
}
