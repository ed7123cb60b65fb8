import type { WorkerOptions } from '@temporalio/worker';
import { ConfigError } from './config.js';

export type WorkerTuning = Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
  | 'workflowTaskPollerBehavior'
  | 'activityTaskPollerBehavior'
>;

// The worker's capacity settings, for running many workers or big ones (README, "Scaling the API and
// the workers"). Each is optional: unset, the Temporal SDK's own default applies, and the SDK checks
// how they relate to each other (pollers no more than slots...) when the worker is created.
export function loadWorkerTuning(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const problems: string[] = [];
  const whole = (name: string, min: number): number | undefined => {
    const value = env[name]?.trim() ?? '';
    if (value === '') return undefined;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min)
      problems.push(`${name} must be a whole number of at least ${min}, got ${value}`);
    return n;
  };
  const cache = whole('WORKER_MAX_CACHED_WORKFLOWS', 0);
  const workflowTasks = whole('WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 2);
  const activities = whole('WORKER_MAX_CONCURRENT_ACTIVITIES', 1);
  // A workflow worker polls its sticky queue and the shared one: fewer than two pollers starves one.
  const workflowPollers = whole('WORKER_WORKFLOW_TASK_POLLERS', 2);
  const activityPollers = whole('WORKER_ACTIVITY_TASK_POLLERS', 1);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    ...(cache === undefined ? {} : { maxCachedWorkflows: cache }),
    ...(workflowTasks === undefined ? {} : { maxConcurrentWorkflowTaskExecutions: workflowTasks }),
    ...(activities === undefined ? {} : { maxConcurrentActivityTaskExecutions: activities }),
    ...(workflowPollers === undefined
      ? {}
      : { workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: workflowPollers } }),
    ...(activityPollers === undefined
      ? {}
      : { activityTaskPollerBehavior: { type: 'simple-maximum', maximum: activityPollers } }),
  };
}
