import type { SagaDefinition, SagaFailure, Undo } from '../../src/application/sagas/saga-definition.js';
import { isTransientFault } from '../../src/application/transient-fault.js';
import { isDomainError } from '../../src/domain/shared/domain-error.js';

export type SagaResult =
  // Where the saga rests: CONFIRMED or SHIPPED while it waits for news it was not given.
  | { readonly status: 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' }
  | { readonly status: 'CANCELLED' | 'COMPENSATION_FAILED'; readonly code: string };

// What happens to each wait of the definition, by its name: the news arrives (its payload), the
// deadline passes, or the customer cancels. A wait not named keeps the saga resting there.
export type NewsScript = Readonly<Record<string, { readonly news: unknown } | 'DEADLINE' | 'CANCEL'>>;

// A saga's activities by name, e.g. the use-cases' execute methods.
export type InMemoryActivities = Readonly<Record<string, (input: never) => Promise<unknown>>>;

// A cancel or a missed deadline: the saga undoes what it did, as after a refusal.
class Stop extends Error {
  constructor(
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

// Runs a saga definition in process, over the use-cases, in the order the Temporal workflow runs it,
// to check that the use-cases fit together, its waits afterwards as `script` says. Not the workflow: no
// retries, no durability, no timers; a compensation that fails once leaves the saga COMPENSATION_FAILED.
export async function runSaga<Input>(
  definition: SagaDefinition<Input>,
  activities: InMemoryActivities,
  input: Input,
  sagaId: string,
  script: NewsScript = {},
): Promise<SagaResult> {
  const saga = { input, sagaId };
  const call = (name: string, value: unknown) => {
    const activity = activities[name];
    if (activity === undefined) throw new Error(`no activity ${name}`);
    return activity(value as never);
  };
  const undos: Undo<Input>[] = [];
  let failure: SagaFailure;
  try {
    for (const step of definition.steps) {
      // Registered before the step runs: a step whose answer was lost may still have done its work.
      if (step.undo !== null) undos.unshift(step.undo);
      step.progress(await call(step.activity, step.input(saga)));
    }
    const afterwards = definition.afterwards;
    if (afterwards === null) return { status: 'CONFIRMED' };
    for (const undo of afterwards.undo) undos.unshift(undo);
    let resting: 'CONFIRMED' | 'SHIPPED' | 'DELIVERED' = 'CONFIRMED';
    for (const wait of afterwards.waits) {
      const next = script[wait.name];
      if (next === undefined) return { status: resting };
      if (next === 'CANCEL' && !wait.cancellable) throw new Error(`${wait.name} lets no cancel in`);
      if (next === 'DEADLINE' && wait.deadline === null) throw new Error(`${wait.name} has no deadline`);
      if (next === 'CANCEL') throw new Stop(definition.codes.cancelledOnRequest, 'cancelled on request');
      if (next === 'DEADLINE') throw new Stop(wait.deadline?.code ?? '', wait.deadline?.reason ?? '');
      await call(wait.activity, wait.input(saga, next.news));
      resting = wait.enters as typeof resting;
    }
    return { status: resting };
  } catch (error) {
    if (error instanceof Stop) failure = { code: error.code, reason: error.message };
    else if (!isDomainError(error)) throw error;
    else failure = { code: error.code, reason: error.message };
  }
  for (const undo of undos) {
    try {
      await call(undo.activity, undo.input(saga, failure));
    } catch (error) {
      if (isDomainError(error) && error.code === undo.nothingToUndo) continue;
      const code = isDomainError(error) || isTransientFault(error) ? error.code : 'UNKNOWN';
      await call(
        definition.markStuck.activity,
        definition.markStuck.input(saga, { code, reason: String(error) }),
      );
      return { status: 'COMPENSATION_FAILED', code };
    }
  }
  return { status: 'CANCELLED', code: failure.code };
}
