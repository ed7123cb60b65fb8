import { CreateCustomer } from './create-customer.js';
import { MarkCustomerDeleted } from './mark-customer-deleted.js';
import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import type { Mailer } from './ports/mailer.js';
import type { PaymentGateway } from './ports/payment-gateway.js';
import { RegisterPaymentMethod } from './register-payment-method.js';
import { RemovePaymentMethod } from './remove-payment-method.js';
import { SendWelcomeEmail } from './send-welcome-email.js';

export interface RegistrationPorts {
  readonly customers: CustomerRepository;
  readonly gateway: PaymentGateway;
  readonly mailer: Mailer;
  readonly clock: Clock;
}

export type RegistrationUseCases = ReturnType<typeof createRegistrationUseCases>;

// What the registration saga's activities run (adapters/temporal/registration-activities.ts).
export function createRegistrationUseCases(ports: RegistrationPorts) {
  return {
    createCustomer: new CreateCustomer(ports),
    markCustomerDeleted: new MarkCustomerDeleted(ports),
    registerPaymentMethod: new RegisterPaymentMethod(ports),
    removePaymentMethod: new RemovePaymentMethod(ports),
    sendWelcomeEmail: new SendWelcomeEmail(ports),
  };
}
