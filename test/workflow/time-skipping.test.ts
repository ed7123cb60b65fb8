import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greetingActivities } from '../smoke/greeting-activities.js';
import { startTimeSkipping, testDataConverter } from '../support/temporal.js';

const workflowsPath = fileURLToPath(new URL('../smoke/workflows/greeting.workflow.ts', import.meta.url));

describe('Temporal time-skipping test server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkipping();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('skips a day-long timer and completes the workflow', async () => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'time-skipping',
      workflowsPath,
      dataConverter: testDataConverter(),
      activities: greetingActivities(),
    });
    const before = await env.currentTimeMs();

    const result = await worker.runUntil(
      env.client.workflow.execute('greetingWorkflow', {
        taskQueue: 'time-skipping',
        workflowId: `greeting-${Date.now()}`,
        args: ['time', true],
      }),
    );

    expect(result).toContain('Hello, time!');
    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(24 * 60 * 60 * 1000);
  });
});
