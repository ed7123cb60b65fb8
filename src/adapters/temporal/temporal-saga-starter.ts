import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { OrderSagaInput, SagaStarter } from '../../application/ports/saga-starter.js';
import { DependencyUnavailable } from '../../application/transient-fault.js';
import { sagaStartOptions } from './saga-start-options.js';
import type { orderSaga } from './workflows/order-saga.workflow.js';
import { sagaIdOf } from './workflows/saga-progress.js';
import { CUSTOMER_ID, ORDER_STATUS } from './workflows/search-attributes.js';

// Starts an order's saga on Temporal. The workflow id is derived from the order id, so a second start
// of the same order finds the first saga (running or finished) instead of starting another.
export class TemporalSagaStarter implements SagaStarter {
  private readonly client: Client;
  private readonly taskQueue: string;
  private readonly shippingDeadlineSeconds: number | undefined;
  private readonly traced: boolean;

  // shippingDeadlineSeconds: put in each saga's input, so that the workflow reads it deterministically;
  // undefined leaves the saga's default. traced: whether the saga's workflow makes spans (its memo,
  // workflows/workflow-tracing.ts); true when this process exports traces.
  constructor(
    client: Client,
    taskQueue: string,
    options: { shippingDeadlineSeconds?: number; traced?: boolean } = {},
  ) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.shippingDeadlineSeconds = options.shippingDeadlineSeconds;
    this.traced = options.traced ?? false;
  }

  async startOrderSaga(input: OrderSagaInput): Promise<{ sagaId: string }> {
    const sagaId = sagaIdOf(input.orderId);
    try {
      await this.client.workflow.start<typeof orderSaga>('orderSaga', {
        taskQueue: this.taskQueue,
        workflowId: sagaId,
        args: [
          this.shippingDeadlineSeconds === undefined
            ? input
            : { ...input, shippingDeadlineSeconds: this.shippingDeadlineSeconds },
        ],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        ...sagaStartOptions(this.traced),
        // Set here rather than by the saga, so a saga no worker has picked up yet is findable too.
        typedSearchAttributes: [
          { key: ORDER_STATUS, value: 'RUNNING' },
          { key: CUSTOMER_ID, value: input.customerId },
        ],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { sagaId };
      throw new DependencyUnavailable('temporal', { cause: error });
    }
    return { sagaId };
  }
}
