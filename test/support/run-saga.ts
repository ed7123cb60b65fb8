import type { SagaDefinition, SagaFailure } from '../../src/application/sagas/saga-definition.js';
import { isTransientFault } from '../../src/application/transient-fault.js';
import { isDomainError } from '../../src/domain/shared/domain-error.js';

export type SagaResult =
  | { readonly status: 'CONFIRMED' }
  | { readonly status: 'CANCELLED' | 'COMPENSATION_FAILED'; readonly code: string };

// A saga's activities by name, e.g. the use-cases' execute methods.
export type InMemoryActivities = Readonly<Record<string, (input: never) => Promise<unknown>>>;

// Runs a saga definition in process, over the use-cases, in the order the Temporal workflow runs it,
// to check that the use-cases fit together. Not the workflow: no retries, no durability, no cancel; a
// compensation that fails once leaves the saga COMPENSATION_FAILED.
export async function runSaga<Input>(
  definition: SagaDefinition<Input>,
  activities: InMemoryActivities,
  input: Input,
  sagaId: string,
): Promise<SagaResult> {
  const saga = { input, sagaId };
  const call = (name: string, value: unknown) => {
    const activity = activities[name];
    if (activity === undefined) throw new Error(`no activity ${name}`);
    return activity(value as never);
  };
  const undos: NonNullable<(typeof definition.steps)[number]['undo']>[] = [];
  let failure: SagaFailure;
  try {
    for (const step of definition.steps) {
      // Registered before the step runs: a step whose answer was lost may still have done its work.
      if (step.undo !== null) undos.unshift(step.undo);
      step.progress(await call(step.activity, step.input(saga)));
    }
    return { status: 'CONFIRMED' };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    failure = { code: error.code, reason: error.message };
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
