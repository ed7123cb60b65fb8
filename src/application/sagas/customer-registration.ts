import type { SagaDefinition } from './saga-definition.js';
import { stepsOver } from './saga-definition.js';

// What registering a customer needs: who they are and the card they will pay with.
export interface CustomerRegistrationInput {
  readonly customerId: string;
  readonly email: string;
  readonly name: string;
  readonly cardToken: string;
}

// The activities the registration saga runs, by name: application/registration-use-cases.ts, made
// activities in adapters/temporal/registration-activities.ts.
export interface CustomerRegistrationActivities {
  createCustomer(input: { customerId: string; email: string; name: string }): Promise<{ id: string }>;
  markCustomerDeleted(input: { customerId: string; code: string; reason: string }): Promise<unknown>;
  registerPaymentMethod(input: {
    customerId: string;
    cardToken: string;
  }): Promise<{ paymentMethodId: string }>;
  removePaymentMethod(input: { customerId: string }): Promise<unknown>;
  sendWelcomeEmail(input: { customerId: string; email: string; name: string }): Promise<unknown>;
  markRegistrationStuck(input: { customerId: string; code: string; reason: string }): Promise<unknown>;
}

type Activities = { [K in keyof CustomerRegistrationActivities]: CustomerRegistrationActivities[K] };
const { step, undo } = stepsOver<CustomerRegistrationInput, Activities>();
const customer = ({ input }: { input: CustomerRegistrationInput }) => ({ customerId: input.customerId });
const greeting = ({ input }: { input: CustomerRegistrationInput }) => ({
  customerId: input.customerId,
  email: input.email,
  name: input.name,
});

// A customer: stored, their card kept at the gateway as a reusable payment method, welcomed by e-mail.
export const customerRegistrationDefinition: SagaDefinition<CustomerRegistrationInput> = {
  noun: 'customer',
  idOf: (input) => input.customerId,
  steps: [
    step('createCustomer', 'createCustomer', 'database', {
      input: greeting,
      undo: undo('markCustomerDeleted', 'database', ({ input }, failure) => ({
        customerId: input.customerId,
        code: failure.code,
        reason: failure.reason,
      })),
    }),
    step('registerPaymentMethod', 'registerPaymentMethod', 'gateway', {
      input: ({ input }) => ({ customerId: input.customerId, cardToken: input.cardToken }),
      undo: undo('removePaymentMethod', 'gateway', customer),
      progress: ({ paymentMethodId }) => ({ paymentMethodId }),
    }),
    // Last, and with no undo: an e-mail sent cannot be taken back.
    step('sendWelcomeEmail', 'sendWelcomeEmail', 'other', { input: greeting }),
  ],
  pointOfNoReturn: 'sendWelcomeEmail',
  codes: { cancelledOnRequest: 'CUSTOMER.CANCELLED_ON_REQUEST', notCancellable: 'CUSTOMER.NOT_CANCELLABLE' },
  afterwards: null,
  markStuck: {
    activity: 'markRegistrationStuck',
    input: ({ input }, stuck) => ({ customerId: input.customerId, code: stuck.code, reason: stuck.reason }),
  },
};
