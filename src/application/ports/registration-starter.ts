import type { CustomerRegistrationInput } from '../sagas/customer-registration.js';

export interface RegistrationStarter {
  // Starting the registration of a customer twice starts it once (the customer id names the saga).
  startCustomerRegistration(input: CustomerRegistrationInput): Promise<{ sagaId: string }>;
}
