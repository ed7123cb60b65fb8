import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataConverterOf } from '../../src/adapters/temporal/data-converter.js';
import {
  ensureMaintenanceSchedule,
  maintenanceScheduleId,
} from '../../src/adapters/temporal/maintenance-schedule.js';
import { testConfig, uniqueName } from '../support/settings.js';

// On the local Temporal dev server: the time-skipping test server has no schedules.
describe('the maintenance schedule a worker keeps', () => {
  let connection: Connection;
  let client: Client;
  const taskQueue = uniqueName('maintenance-schedule');
  beforeAll(async () => {
    const config = testConfig();
    connection = await Connection.connect({ address: config.temporalAddress });
    client = new Client({
      connection,
      namespace: config.temporalNamespace,
      dataConverter: dataConverterOf(config.payloadKeys),
    });
  });
  afterAll(async () => {
    await client?.schedule
      .getHandle(maintenanceScheduleId(taskQueue))
      .delete()
      .catch(() => undefined);
    await connection?.close();
  });

  const intervalOf = async () => {
    const description = await client.schedule.getHandle(maintenanceScheduleId(taskQueue)).describe();
    return { every: description.spec.intervals?.[0]?.every, action: description.action };
  };

  it('is created once when two workers start at the same time, each without failing', async () => {
    const outcomes = await Promise.all([
      ensureMaintenanceSchedule(client, { taskQueue, intervalMinutes: 60 }),
      ensureMaintenanceSchedule(client, { taskQueue, intervalMinutes: 60 }),
    ]);
    expect([...outcomes].sort()).toEqual(['created', 'updated']);
    expect(await intervalOf()).toMatchObject({
      every: 60 * 60_000,
      action: { type: 'startWorkflow', workflowType: 'maintenance', taskQueue },
    });
  });

  it('takes the interval of the worker that started last', async () => {
    await ensureMaintenanceSchedule(client, { taskQueue, intervalMinutes: 60 });
    expect(await ensureMaintenanceSchedule(client, { taskQueue, intervalMinutes: 15 })).toBe('updated');
    expect((await intervalOf()).every).toBe(15 * 60_000);
  });
});
