import { ApplicationFailure, Context } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SagaActivities } from '../../src/adapters/temporal/activities.js';
import { customerRegistrationDefinition } from '../../src/application/sagas/customer-registration.js';
import { SagaEnv } from './support/saga-env.js';

const STEPS = customerRegistrationDefinition.steps.map((step) => step.activity);
const ACTIVITIES = [...STEPS, 'markCustomerDeleted', 'removePaymentMethod', 'markRegistrationStuck'] as const;

// Stubs of the registration's activities that record each successful call; `refuse` names the one to refuse.
function stubs(refuse: string | null) {
  const succeeded: string[] = [];
  const activities = Object.fromEntries(
    ACTIVITIES.map((name) => [
      name,
      async (input: { customerId: string }) => {
        const attempt = Context.current().info.attempt;
        if (name === refuse) {
          throw ApplicationFailure.create({
            type: 'CARD.REFUSED',
            message: `${name} refused`,
            nonRetryable: true,
          });
        }
        succeeded.push(name);
        return { value: { id: input.customerId, paymentMethodId: `pm-${input.customerId}` }, attempt };
      },
    ]),
  );
  return { activities: activities as unknown as SagaActivities, succeeded };
}

describe('the customer registration saga on the time-skipping test server', () => {
  let saga: SagaEnv;
  let customers = 0;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  async function run(refuse: string | null) {
    const stub = stubs(refuse);
    const taskQueue = saga.nextTaskQueue();
    customers += 1;
    const input = {
      customerId: `cu-${Date.now().toString(36)}-${customers}`,
      email: 'ada@example.com',
      name: 'Ada',
      cardToken: 'tok_visa',
    };
    const result = await saga.withWorker(taskQueue, stub.activities, () =>
      saga.env.client.workflow.execute('customerRegistration', {
        taskQueue,
        workflowId: `customer-${input.customerId}`,
        args: [input],
      }),
    );
    return { result, succeeded: stub.succeeded };
  }

  it('registers a customer when every step succeeds', async () => {
    const { result, succeeded } = await run(null);
    expect(result).toMatchObject({ status: 'CONFIRMED' });
    expect(succeeded).toEqual(STEPS);
  });

  it.each([
    ['createCustomer', ['markCustomerDeleted']],
    ['registerPaymentMethod', ['createCustomer', 'removePaymentMethod', 'markCustomerDeleted']],
    [
      'sendWelcomeEmail',
      ['createCustomer', 'registerPaymentMethod', 'removePaymentMethod', 'markCustomerDeleted'],
    ],
  ])('undoes every step begun, newest first, when %s is refused', async (failing, expected) => {
    const { result, succeeded } = await run(failing);
    expect(result).toMatchObject({ status: 'CANCELLED', code: 'CARD.REFUSED', failedStep: failing });
    expect(succeeded).toEqual(expected);
  });
});
