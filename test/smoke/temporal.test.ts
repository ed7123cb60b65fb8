import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, uniqueName } from '../support/settings.js';
import { greetingActivities } from './greeting-activities.js';

const workflowsPath = fileURLToPath(new URL('./workflows/greeting.workflow.ts', import.meta.url));

describe('Temporal dev server', () => {
  const config = testConfig();
  let connection: Connection;
  let workerConnection: NativeConnection;

  beforeAll(async () => {
    connection = await Connection.connect({ address: config.temporalAddress });
    workerConnection = await NativeConnection.connect({ address: config.temporalAddress });
  });

  afterAll(async () => {
    await connection?.close();
    await workerConnection?.close();
  });

  it('runs a workflow to completion on a real worker', async () => {
    const taskQueue = uniqueName('smoke');
    const worker = await Worker.create({
      connection: workerConnection,
      namespace: config.temporalNamespace,
      taskQueue,
      workflowsPath,
      activities: greetingActivities(),
    });
    const client = new Client({ connection, namespace: config.temporalNamespace });

    const result = await worker.runUntil(
      client.workflow.execute('greetingWorkflow', {
        taskQueue,
        workflowId: taskQueue,
        args: ['saga', false],
      }),
    );

    expect(result).toBe(`Hello, saga! (pid ${process.pid})`);
    const described = await client.workflow.getHandle(taskQueue).describe();
    expect(described.status.name).toBe('COMPLETED');
  });
});
