import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryIdempotencyKeys } from '../../src/adapters/memory/in-memory-idempotency-keys.js';
import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { ManualClock } from '../../src/adapters/memory/manual-clock.js';
import {
  createMaintenanceActivities,
  type MaintenanceActivities,
} from '../../src/adapters/temporal/maintenance-activities.js';
import type { maintenance } from '../../src/adapters/temporal/workflows/maintenance.workflow.js';
import { createMaintenanceUseCases } from '../../src/application/maintenance-use-cases.js';
import { SagaEnv } from './support/saga-env.js';

const DAY = 24 * 3_600_000;

// The maintenance workflow under the time-skipping server, its activities over the memory adapters.
describe('the maintenance workflow', () => {
  let env: SagaEnv;
  beforeAll(async () => {
    env = await SagaEnv.start();
  });
  afterAll(() => env?.teardown());

  async function run(activities: MaintenanceActivities) {
    const taskQueue = env.nextTaskQueue();
    return env.withWorker(taskQueue, activities, () =>
      env.env.client.workflow.execute<typeof maintenance>('maintenance', {
        taskQueue,
        workflowId: `maintenance-${taskQueue}`,
      }),
    );
  }

  // A settled order and an answered key, both a day older than their retention.
  async function storesWithExpiredRecords() {
    const clock = new ManualClock();
    const inventory = new InMemoryInventory(clock);
    const idempotencyKeys = new InMemoryIdempotencyKeys();
    await inventory.restock('p-1', 5, 'restock-1');
    await inventory.reserve('o-1', [{ productId: 'p-1', quantity: 2 }]);
    await inventory.commit('o-1');
    await idempotencyKeys.claim({
      scope: 'orders',
      key: 'k-1',
      fingerprint: 'f',
      resourceId: 'o-1',
      at: clock.now(),
    });
    await idempotencyKeys.complete('orders', 'k-1', { orderId: 'o-1' }, clock.now());
    await inventory.reserve('o-2', [{ productId: 'p-1', quantity: 1 }]);
    clock.advance(31 * DAY);
    const retention = { settledInventoryDays: 30, idempotencyKeyHours: 24 };
    const useCases = createMaintenanceUseCases({ inventory, idempotencyKeys, clock }, retention);
    return { inventory, activities: createMaintenanceActivities(useCases) };
  }

  it('runs every task and returns what each removed', async () => {
    const { inventory, activities } = await storesWithExpiredRecords();
    expect(await run(activities)).toEqual({
      reconcileInventory: { checked: 1, drifted: 0, repaired: 0, unreadable: 0 },
      removeSettledInventory: { settledOrders: 1, settledReservations: 1, restocks: 1 },
      removeExpiredIdempotencyKeys: { idempotencyKeys: 1 },
    });
    expect(await inventory.reservationsOf('o-2')).toMatchObject([{ status: 'HELD' }]);
  });

  it('retries a task through a transient fault', async () => {
    const { activities } = await storesWithExpiredRecords();
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      if (calls === 1) throw new Error('FerretDB is restarting');
      return activities.removeSettledInventory();
    };
    const report = await run({ ...activities, removeSettledInventory: flaky });
    expect(report.removeSettledInventory).toMatchObject({ settledOrders: 1 });
    expect(calls).toBe(2);
  });

  it('runs the other tasks when one fails for good, then fails with the report', async () => {
    const { activities } = await storesWithExpiredRecords();
    const broken = async (): Promise<never> => {
      throw ApplicationFailure.nonRetryable('settled_orders is gone', 'TEST.BROKEN');
    };
    const failure = await run({ ...activities, removeSettledInventory: broken }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const cause = (failure as WorkflowFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('MAINTENANCE.FAILED');
    expect((cause as ApplicationFailure).details?.[0]).toMatchObject({
      removeSettledInventory: { failed: expect.stringContaining('settled_orders is gone') },
      removeExpiredIdempotencyKeys: { idempotencyKeys: 1 },
    });
  });
});
