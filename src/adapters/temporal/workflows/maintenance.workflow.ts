import { ActivityFailure, ApplicationFailure, log, proxyActivities } from '@temporalio/workflow';
import type { MaintenanceActivities } from '../maintenance-activities.js';

// The tasks of a maintenance run, in the order they run; each is an activity of MaintenanceActivities
// with no input, whose answer goes into the run's report. Adding a task: its activity there, its name
// here, nothing else.
export const MAINTENANCE_TASKS = [
  'reconcileInventory',
  'removeSettledInventory',
  'removeExpiredIdempotencyKeys',
] as const satisfies readonly (keyof MaintenanceActivities)[];

export type MaintenanceTask = (typeof MAINTENANCE_TASKS)[number];

// What each task answered (the removals count records by kind), or why it failed after its retries.
export type MaintenanceReport = {
  [Task in MaintenanceTask]: Awaited<ReturnType<MaintenanceActivities[Task]>> | { failed: string };
};

// Each run removes bounded batches and may stop short (retention.ts); retries cover a database that is
// down for a few minutes, and the next scheduled run covers a longer outage.
const tasks = proxyActivities<MaintenanceActivities>({
  startToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 5,
  },
});

// Started by the schedule the worker keeps (maintenance-schedule.ts). A task that fails does not keep
// the others from running; the run then fails, with the report, so that it shows in Temporal.
export async function maintenance(): Promise<MaintenanceReport> {
  // Filled task by task; complete once the loop is done.
  const report: Partial<Record<MaintenanceTask, unknown>> = {};
  for (const name of MAINTENANCE_TASKS) {
    try {
      report[name] = await tasks[name]();
    } catch (error) {
      report[name] = { failed: reasonOf(error) };
      log.warn('maintenance task failed', { task: name, error });
    }
  }
  const done = report as MaintenanceReport;
  log.info('maintenance done', { report: done });
  const failed = MAINTENANCE_TASKS.filter((name) => 'failed' in done[name]);
  if (failed.length > 0)
    throw ApplicationFailure.nonRetryable(
      `maintenance tasks failed: ${failed.join(', ')}`,
      'MAINTENANCE.FAILED',
      done,
    );
  return done;
}

// An activity's failure says only that it failed; its cause says why.
function reasonOf(error: unknown): string {
  const reason = error instanceof ActivityFailure && error.cause !== undefined ? error.cause : error;
  return reason instanceof Error ? reason.message : String(reason);
}
