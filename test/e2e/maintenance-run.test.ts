import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/adapters/postgres/migrate-postgres.js';
import { dataConverterOf } from '../../src/adapters/temporal/data-converter.js';
import { maintenanceScheduleId } from '../../src/adapters/temporal/maintenance-schedule.js';
import type { MaintenanceReport } from '../../src/adapters/temporal/workflows/maintenance.workflow.js';
import type { Config } from '../../src/bootstrap/config.js';
import { testConfig, uniqueName } from '../support/settings.js';
import { eventually } from './api-service.js';
import { WorkerProcess } from './support/worker-process.js';

// The worker as it runs in production keeps the maintenance schedule and runs what it starts: the
// workflow, its activities, the real stores. (What each task removes, and when, is for the contract
// and workflow suites, with a clock of their own.)
describe('a worker and its maintenance schedule', () => {
  let worker: WorkerProcess | undefined;
  let connection: Connection;
  let client: Client;
  const config: Config = { ...testConfig(), temporalTaskQueue: uniqueName('maintenance-e2e') };
  beforeAll(async () => {
    await migratePostgres(config.databaseUrl);
    worker = await WorkerProcess.start(config);
    connection = await Connection.connect({ address: config.temporalAddress });
    client = new Client({
      connection,
      namespace: config.temporalNamespace,
      dataConverter: dataConverterOf(config.payloadKeys),
    });
  });
  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await connection?.close();
  });

  it('runs the maintenance workflow when its schedule fires, and it reports every task', async () => {
    const schedule = client.schedule.getHandle(maintenanceScheduleId(config.temporalTaskQueue));
    expect((await schedule.describe()).spec.intervals?.[0]?.every).toBe(60 * 60_000);
    await schedule.trigger();
    const described = await eventually(
      () => schedule.describe(),
      (description) => description.info.recentActions.length > 0,
    );
    const workflowId = described.info.recentActions[0]?.action.workflow.workflowId ?? '';
    const report: MaintenanceReport = await client.workflow.getHandle(workflowId).result();
    expect(report).toEqual({
      reconcileInventory: expect.objectContaining({ checked: expect.any(Number), unreadable: 0 }),
      removeSettledInventory: expect.objectContaining({ settledOrders: expect.any(Number) }),
      removeExpiredIdempotencyKeys: { idempotencyKeys: expect.any(Number) },
    });
  });
});
