import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';

export interface MaintenanceScheduleOptions {
  readonly taskQueue: string;
  readonly intervalMinutes: number;
}

// One schedule per task queue, so that two deployments sharing a namespace keep their own.
export function maintenanceScheduleId(taskQueue: string): string {
  return `maintenance-${taskQueue}`;
}

// Creates the schedule that starts the `maintenance` workflow every interval, or brings an existing one
// to this worker's settings. Every worker calls it at start: of two starting at once, one creates and
// the other finds it created and updates it to the same settings. A run still going when the next is
// due makes that one skip; runs missed while Temporal was down are not made up (the next one catches up).
export async function ensureMaintenanceSchedule(
  client: Client,
  options: MaintenanceScheduleOptions,
): Promise<'created' | 'updated'> {
  const scheduleId = maintenanceScheduleId(options.taskQueue);
  const spec = { intervals: [{ every: `${options.intervalMinutes} minutes` }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'maintenance',
    workflowId: scheduleId,
    taskQueue: options.taskQueue,
    args: [],
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' };
  try {
    await client.schedule.create({ scheduleId, spec, action, policies });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update((current) => ({ ...current, spec, action, policies }));
  return 'updated';
}
