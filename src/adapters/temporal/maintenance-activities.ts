import { Context } from '@temporalio/activity';
import type { MaintenanceUseCases } from '../../application/maintenance-use-cases.js';
import { toFailure } from './activities.js';

// A maintenance task: no input, and an answer (for the removals, counts by kind) for the run's report.
function task<T extends object>(run: () => Promise<T>): () => Promise<T> {
  return async () => {
    try {
      const done = await run();
      Context.current().log.info('maintenance task done', { ...done });
      return done;
    } catch (error) {
      throw toFailure(error);
    }
  };
}

// The maintenance workflow's activities: each one a use-case. A new task is one more entry here and its
// name in MAINTENANCE_TASKS (workflows/maintenance.workflow.ts).
export function createMaintenanceActivities(useCases: MaintenanceUseCases) {
  return {
    removeSettledInventory: task(() => useCases.removeSettledInventory.execute()),
    removeExpiredIdempotencyKeys: task(() => useCases.removeExpiredIdempotencyKeys.execute()),
  };
}

export type MaintenanceActivities = ReturnType<typeof createMaintenanceActivities>;
