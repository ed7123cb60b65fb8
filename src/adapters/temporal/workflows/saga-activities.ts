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

// Which of a saga's steps and compensations run as local activities (activity-options.ts says why):
// none (sagas begun before local steps), the database ones, or every one (sagas started with a short
// workflow task timeout, which is what keeps a cancel heard while a local step runs). Decided once, at
// the saga's start, so one saga never mixes them.
export type LocalSteps = 'none' | 'database' | 'every';

// How a saga's steps are run, by kind; `first` says this is the saga's first step, which has nothing
// before it to undo and so waits out a database outage however long (activity-options.ts, storeOrder).
export function stepActivities(kind: StepKind, local: LocalSteps, first: boolean): RunActivity {
  if (local === 'every') {
    if (kind === 'gateway') return runner(proxyLocalActivities<Proxy>(localActivityOptions.gateway));
    if (kind === 'other') return runner(proxyLocalActivities<Proxy>(localActivityOptions.database));
  }
  if (kind === 'gateway') return runner(proxyActivities<Proxy>(activityOptions.gateway));
  if (kind === 'other' || local === 'none') return runner(proxyActivities<Proxy>(activityOptions.database));
  return runner(
    proxyLocalActivities<Proxy>(first ? localActivityOptions.storeOrder : localActivityOptions.database),
  );
}

export function undoActivities(kind: StepKind, local: LocalSteps): RunActivity {
  if (kind === 'gateway' && local === 'every')
    return runner(proxyLocalActivities<Proxy>(localActivityOptions.compensateGateway));
  if (kind === 'gateway') return runner(proxyActivities<Proxy>(activityOptions.compensateGateway));
  if (local === 'every' || (kind === 'database' && local === 'database'))
    return runner(proxyLocalActivities<Proxy>(localActivityOptions.compensateDatabase));
  return runner(proxyActivities<Proxy>(activityOptions.compensateDatabase));
}

// Recording COMPENSATION_FAILED retries until it succeeds: it is how the operator learns of the saga.
export function recordActivities(): RunActivity {
  return runner(proxyActivities<Proxy>(activityOptions.record));
}
