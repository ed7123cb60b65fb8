import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/bootstrap/config.js';
import { loadWorkerTuning } from '../../../src/bootstrap/worker-tuning.js';

describe('worker tuning settings', () => {
  it("leaves every option to the Temporal SDK's default when nothing is set", () => {
    expect(loadWorkerTuning({})).toEqual({});
  });

  it('passes each setting to the option of @temporalio/worker it names', () => {
    expect(
      loadWorkerTuning({
        WORKER_MAX_CACHED_WORKFLOWS: '500',
        WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '80',
        WORKER_MAX_CONCURRENT_ACTIVITIES: '200',
        WORKER_WORKFLOW_TASK_POLLERS: '20',
        WORKER_ACTIVITY_TASK_POLLERS: '16',
      }),
    ).toEqual({
      maxCachedWorkflows: 500,
      maxConcurrentWorkflowTaskExecutions: 80,
      maxConcurrentActivityTaskExecutions: 200,
      workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: 20 },
      activityTaskPollerBehavior: { type: 'simple-maximum', maximum: 16 },
    });
  });

  it('takes a cache of 0, which turns sticky execution off', () => {
    expect(loadWorkerTuning({ WORKER_MAX_CACHED_WORKFLOWS: '0' })).toEqual({ maxCachedWorkflows: 0 });
  });

  it('names every malformed setting at once', () => {
    const load = () =>
      loadWorkerTuning({
        WORKER_MAX_CACHED_WORKFLOWS: '-1',
        WORKER_MAX_CONCURRENT_ACTIVITIES: 'many',
        WORKER_WORKFLOW_TASK_POLLERS: '1',
      });
    expect(load).toThrow(ConfigError);
    for (const name of [
      'WORKER_MAX_CACHED_WORKFLOWS',
      'WORKER_MAX_CONCURRENT_ACTIVITIES',
      'WORKER_WORKFLOW_TASK_POLLERS',
    ])
      expect(load).toThrow(name);
  });
});
