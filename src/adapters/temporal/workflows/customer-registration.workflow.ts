import {
  type CustomerRegistrationInput,
  customerRegistrationDefinition,
} from '../../../application/sagas/customer-registration.js';
import { runSaga, type SagaOutcome } from './saga-workflow.js';

// The customer registration saga: its steps are in application/sagas/customer-registration.ts.
export async function customerRegistration(
  input: CustomerRegistrationInput,
): Promise<SagaOutcome & { customerId: string }> {
  return { ...(await runSaga(customerRegistrationDefinition, input)), customerId: input.customerId };
}
