import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { StepKind } from '../../../application/sagas/saga-definition.js';
import type { Attempted } from '../activities.js';
import { activityOptions, localActivityOptions } from './activity-options.js';

type Activity = (input: unknown) => Promise<Attempted<unknown>>;
type Proxy = Record<string, Activity>;
// Runs any saga's activity by name: it takes one input and answers with its value and attempt.
export type RunActivity = (name: string, input: unknown) => Promise<Attempted<unknown>>;

function runner(proxy: Proxy): RunActivity {
  return (name, input) => {
    const activity = proxy[name];
    if (activity === undefined) throw new Error(`no activity ${name}`);
    return activity(input);
  };
}

// How a saga's steps, compensations and record of being stuck are run, by kind:
// `local` says whether database work runs as local activities (sagas begun before they did replay
// with regular ones), `first` that this is the saga's first step, which has nothing before it to undo
// and so waits out a database outage however long (activity-options.ts, storeOrder).
export function stepActivities(kind: StepKind, local: boolean, first: boolean): RunActivity {
  if (kind === 'gateway') return runner(proxyActivities<Proxy>(activityOptions.gateway));
  if (kind === 'other' || !local) return runner(proxyActivities<Proxy>(activityOptions.database));
  return runner(
    proxyLocalActivities<Proxy>(first ? localActivityOptions.storeOrder : localActivityOptions.database),
  );
}

export function undoActivities(kind: StepKind, local: boolean): RunActivity {
  if (kind === 'gateway') return runner(proxyActivities<Proxy>(activityOptions.compensateGateway));
  if (kind === 'database' && local)
    return runner(proxyLocalActivities<Proxy>(localActivityOptions.compensateDatabase));
  return runner(proxyActivities<Proxy>(activityOptions.compensateDatabase));
}

// Recording COMPENSATION_FAILED retries until it succeeds: it is how the operator learns of the saga.
export function recordActivities(): RunActivity {
  return runner(proxyActivities<Proxy>(activityOptions.record));
}
