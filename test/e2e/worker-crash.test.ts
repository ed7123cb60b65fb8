import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

// A worker killed outright in the middle of a saga: Temporal hands the unfinished step to the next worker
// once its timeout expires, and idempotency keys make sure nothing is done twice.
describe('a worker stopped in the middle of a saga', () => {
  const world = new SagaWorld();
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await world.resources.prepare();
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
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

    workers.push(await WorkerProcess.start(world.config));
    const result = await handle.result();

    expect(result.status).toBe('CONFIRMED');
    const progress = await handle.query(progressQuery);
    expect(progress.steps.find((s) => s.step === 'authorizePayment')?.attempts).toBeGreaterThanOrEqual(2);
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

  it('lets a worker stopped with SIGTERM finish its step in flight before it exits', async () => {
    const productId = await world.product(5, 300);
    const first = await WorkerProcess.start(world.config);
    workers.push(first);

    const { placed, handle } = await placeOrderAuthorizingSlowly(productId, 1);

    expect(await first.kill('SIGTERM')).toBe(0);
    workers.push(await WorkerProcess.start(world.config));
    const result = await handle.result();

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

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
