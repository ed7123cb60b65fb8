import { Context } from '@temporalio/activity';
import type { RegistrationUseCases } from '../../application/registration-use-cases.js';
import type { CustomerRegistrationActivities } from '../../application/sagas/customer-registration.js';
import { type Attempted, activity } from './activities.js';

type Wrapped<T> = {
  [K in keyof T]: T[K] extends (input: infer I) => Promise<infer O>
    ? (input: I) => Promise<Attempted<O>>
    : never;
};

// The registration saga's activities: each one a use-case. The compiler checks them against the
// activities its definition names (application/sagas/customer-registration.ts).
export function createRegistrationActivities(
  useCases: RegistrationUseCases,
): Wrapped<CustomerRegistrationActivities> {
  return {
    createCustomer: activity((input) => useCases.createCustomer.execute(input)),
    markCustomerDeleted: activity((input) => useCases.markCustomerDeleted.execute(input)),
    registerPaymentMethod: activity((input) => useCases.registerPaymentMethod.execute(input)),
    removePaymentMethod: activity((input) => useCases.removePaymentMethod.execute(input)),
    sendWelcomeEmail: activity((input) => useCases.sendWelcomeEmail.execute(input)),
    // A registration has no state of its own to show it is stuck: the saga's progress in Temporal does
    // (the stuck-saga gauge counts order sagas only), and the operator's retryCompensation resumes it.
    markRegistrationStuck: activity(async (input) => {
      Context.current().log.warn('registration compensation keeps failing', { ...input });
      return undefined;
    }),
  };
}
