import type { RegisterCustomer, RegisterCustomerInput } from './register-customer.js';
import { type Dependencies, fingerprintOf, type Once, runOnce } from './run-once.js';

// RegisterCustomer under an Idempotency-Key (run-once.ts). The customer id is the caller's, not the
// key's resource id, and names the saga: a retry starts no second registration.
export class RegisterCustomerOnce {
  private readonly deps: Dependencies & { readonly registerCustomer: RegisterCustomer };

  constructor(deps: Dependencies & { readonly registerCustomer: RegisterCustomer }) {
    this.deps = deps;
  }

  execute(input: {
    idempotencyKey: string;
    registration: RegisterCustomerInput;
  }): Promise<Once<{ customerId: string; sagaId: string }>> {
    const { caller, name, email, cardToken } = input.registration;
    const subject = caller.kind === 'customer' ? caller.customerId : caller.keyId;
    const fingerprint = fingerprintOf({ cardToken, email, name, subject });
    const request = { scope: 'customers' as const, key: input.idempotencyKey, fingerprint };
    return runOnce(this.deps, request, () => this.deps.registerCustomer.execute(input.registration));
  }
}
