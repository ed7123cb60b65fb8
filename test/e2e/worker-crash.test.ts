import type { WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter, fromPayloadsAtIndex } from '@temporalio/common';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import type { StepState } from '../../src/application/sagas/saga-progress.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

// A worker killed outright in the middle of a saga: every step is a local activity, so Temporal hands the
// saga's workflow task to the next worker once it times out (2 s), which runs the unfinished step again;
// idempotency keys make sure nothing is done twice.
describe('a worker stopped in the middle of a saga', () => {
  const world = new SagaWorld();
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await world.resources.prepare();
  });

  // Each test's saga must meet only that test's workers: a worker left running would poll the same queue.
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.kill('SIGTERM')));
  });

  afterAll(async () => {
    await world.close();
  });

  // tok_slow keeps the gateway busy for two seconds: long enough to stop the worker mid-authorization.
  async function placeOrderAuthorizingSlowly(productId: string, quantity: number) {
    const placed = await world.useCases.placeOrder.execute({
      customerId: 'c-stopped-worker',
      cardToken: 'tok_slow',
      lines: [{ productId, quantity }],
    });
    const handle = world.temporal.workflow.getHandle(sagaIdOf(placed.orderId));
    await waitUntil(async () => {
      const progress = await handle.query(progressQuery);
      return progress.steps.find((s) => s.step === 'authorizePayment')?.state === 'running';
    });
    // Let the request reach the simulator.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { placed, handle };
  }

  it('killed with SIGKILL, leaves the saga to a new worker, which finishes it without charging or reserving twice', async () => {
    const productId = await world.product(5, 700);
    const first = await WorkerProcess.start(world.config);
    workers.push(first);

    const { placed, handle } = await placeOrderAuthorizingSlowly(productId, 2);
    await first.kill('SIGKILL');

    const second = await WorkerProcess.start(world.config);
    workers.push(second);
    const result = await world.sagaResult(placed.orderId);

    expect(result.status).toBe('CONFIRMED');
    // The gateway's steps are local too (sagas the API starts have the short task timeout): the first
    // worker's authorization left only its timed-out workflow task; the one recorded is the second's.
    const history = await localStepsIn(handle);
    expect(history.timedOutTasksOf).toContain(first.identity);
    expect(history.recorded.filter((run) => run.activity === 'authorizePayment')).toEqual([
      { activity: 'authorizePayment', completedBy: second.identity },
    ]);
    expect(await world.ledger(placed.orderId)).toMatchObject({
      authorized: 1400,
      captured: 1400,
      netCharged: 1400,
    });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 3,
      reserved: 0,
      committed: 2,
    });
    expect(await world.useCases.getOrder.execute({ orderId: placed.orderId })).toMatchObject({
      status: 'CONFIRMED',
    });
  });

  // commitStock is a local activity: it runs inside the saga's workflow task and is recorded only when that
  // task completes. A product lock held by the test keeps it waiting, so the worker dies inside the step.
  it('killed with SIGKILL inside a local step, leaves the step to a new worker, which commits the stock and charges once', async () => {
    const productId = await world.product(5, 450);
    const first = await WorkerProcess.start(world.config);
    workers.push(first);

    const placed = await world.useCases.placeOrder.execute({
      customerId: 'c-stopped-worker',
      cardToken: 'tok_slow',
      lines: [{ productId, quantity: 2 }],
    });
    const handle = world.temporal.workflow.getHandle(sagaIdOf(placed.orderId));
    // The stock is reserved by now, and the gateway takes two seconds before the capture and commitStock.
    await waitUntil(() => stepIs(handle, 'authorizePayment', 'running'));
    const lock = await world.holdProductLock(productId);
    // A saga inside a local activity answers queries only when the worker renews its task (every 1.6 s).
    await waitUntil(() => stepIs(handle, 'commitStock', 'running'));
    await first.kill('SIGKILL');
    await lock.release();

    const second = await WorkerProcess.start(world.config);
    workers.push(second);
    const result = await world.sagaResult(placed.orderId);

    expect(result.status).toBe('CONFIRMED');
    expect(await world.useCases.getOrder.execute({ orderId: placed.orderId })).toMatchObject({
      status: 'CONFIRMED',
    });
    expect(await world.useCases.getProductStock.execute({ productId })).toMatchObject({
      available: 3,
      reserved: 0,
      committed: 2,
    });
    expect(await world.ledger(placed.orderId)).toMatchObject({
      captured: 900,
      refunded: 0,
      netCharged: 900,
    });
    // The first worker's run of the step left nothing in the history but its workflow task, timed out: the
    // run recorded is the second worker's. (progress cannot tell: a local step's attempts restart at 1.)
    const history = await localStepsIn(handle);
    expect(history.timedOutTasksOf).toContain(first.identity);
    expect(history.recorded.filter((run) => run.activity === 'commitStock')).toEqual([
      { activity: 'commitStock', completedBy: second.identity },
    ]);
  });

  it('lets a worker stopped with SIGTERM finish its step in flight before it exits', async () => {
    const productId = await world.product(5, 300);
    const first = await WorkerProcess.start(world.config);
    workers.push(first);

    const { placed, handle } = await placeOrderAuthorizingSlowly(productId, 1);

    expect(await first.kill('SIGTERM')).toBe(0);
    workers.push(await WorkerProcess.start(world.config));
    const result = await world.sagaResult(placed.orderId);

    expect(result.status).toBe('CONFIRMED');
    const progress = await handle.query(progressQuery);
    // Finished by the first worker during its shutdown, not retried by the second.
    expect(progress.steps.find((s) => s.step === 'authorizePayment')?.attempts).toBe(1);
    expect(await world.ledger(placed.orderId)).toMatchObject({
      authorized: 300,
      captured: 300,
      netCharged: 300,
    });
  });
});

async function stepIs(handle: WorkflowHandle, step: string, state: StepState): Promise<boolean> {
  const progress = await handle.query(progressQuery);
  return progress.steps.find((s) => s.step === step)?.state === state;
}

// The local activities a saga's history records, each with the worker whose workflow task recorded it, and
// the workers whose workflow tasks timed out.
async function localStepsIn(handle: WorkflowHandle) {
  const recorded: { activity: string; completedBy: string }[] = [];
  const timedOutTasksOf: string[] = [];
  let startedBy = '';
  let completedBy = '';
  for (const event of (await handle.fetchHistory()).events ?? []) {
    startedBy = event.workflowTaskStartedEventAttributes?.identity ?? startedBy;
    completedBy = event.workflowTaskCompletedEventAttributes?.identity ?? completedBy;
    if (event.workflowTaskTimedOutEventAttributes) timedOutTasksOf.push(startedBy);
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') continue;
    const data = fromPayloadsAtIndex<{ activity_type: string }>(
      defaultPayloadConverter,
      0,
      marker.details?.data?.payloads,
    );
    recorded.push({ activity: data.activity_type, completedBy });
  }
  return { recorded, timedOutTasksOf };
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
