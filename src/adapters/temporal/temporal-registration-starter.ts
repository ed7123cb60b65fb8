import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { RegistrationStarter } from '../../application/ports/registration-starter.js';
import type { CustomerRegistrationInput } from '../../application/sagas/customer-registration.js';
import { DependencyUnavailable } from '../../application/transient-fault.js';
import { sagaStartOptions } from './saga-start-options.js';
import type { customerRegistration } from './workflows/customer-registration.workflow.js';

export function registrationIdOf(customerId: string): string {
  return `customer-${customerId}`;
}

// Starts a customer's registration saga on Temporal, named after the customer: a second start finds
// the first (running or finished) instead of starting another.
export class TemporalRegistrationStarter implements RegistrationStarter {
  private readonly client: Client;
  private readonly taskQueue: string;
  private readonly traced: boolean;

  // traced: whether the saga's workflow makes spans (workflows/workflow-tracing.ts).
  constructor(client: Client, taskQueue: string, options: { traced?: boolean } = {}) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.traced = options.traced ?? false;
  }

  async startCustomerRegistration(input: CustomerRegistrationInput): Promise<{ sagaId: string }> {
    const sagaId = registrationIdOf(input.customerId);
    try {
      await this.client.workflow.start<typeof customerRegistration>('customerRegistration', {
        taskQueue: this.taskQueue,
        workflowId: sagaId,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...sagaStartOptions(this.traced),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { sagaId };
      throw new DependencyUnavailable('temporal', { cause: error });
    }
    return { sagaId };
  }
}
