import { CancellationScope, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SagaActivities } from '../../src/adapters/temporal/activities.js';
import { failureOf, type StepFailure } from '../../src/adapters/temporal/workflows/failure-of.js';
import type { SagaResult } from '../../src/adapters/temporal/workflows/saga-progress.js';
import type { OrderSagaInput } from '../../src/application/ports/saga-starter.js';

// The benchmark's straightforward design: the same saga written the way most first versions are, every
// step a regular activity with one set of options and the SDK's default retry policy, and an undo stack
// run newest first when a step fails. No progress query, no search attributes, no tuning.
const steps = proxyActivities<SagaActivities>({ startToCloseTimeout: '1 minute' });

export async function orderSaga(input: OrderSagaInput): Promise<SagaResult> {
  const { orderId } = input;
  const undo: ((failure: StepFailure) => Promise<unknown>)[] = [];
  let failure: StepFailure;
  try {
    undo.unshift((why) => cancelOrder(orderId, why));
    await steps.createPendingOrder({ ...input, sagaId: workflowInfo().workflowId });
    undo.unshift(() => steps.releaseStock({ orderId }));
    await steps.reserveStock({ orderId });
    undo.unshift(() => steps.voidOrRefundPayment({ orderId }));
    await steps.authorizePayment({ orderId, cardToken: input.cardToken ?? '' });
    await steps.capturePayment({ orderId });
    await steps.commitStock({ orderId });
    await steps.confirmOrder({ orderId });
    return { status: 'CONFIRMED', orderId };
  } catch (error) {
    failure = failureOf(error);
  }
  await CancellationScope.nonCancellable(async () => {
    for (const compensate of undo) await compensate(failure);
  });
  return { status: 'CANCELLED', orderId, code: failure.code, reason: failure.message, failedStep: null };
}

async function cancelOrder(orderId: string, failure: StepFailure): Promise<unknown> {
  try {
    return await steps.cancelOrder({ orderId, code: failure.code, reason: failure.message });
  } catch (error) {
    // The order was never written (its creation failed): there is nothing to cancel.
    if (failureOf(error).code === 'ORDER.NOT_FOUND') return null;
    throw error;
  }
}

// Every worker runs the maintenance its schedule starts, whichever saga it runs.
export { maintenance } from '../../src/adapters/temporal/workflows/maintenance.workflow.js';
