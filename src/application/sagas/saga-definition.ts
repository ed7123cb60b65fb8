// A saga as data: its steps in order, what undoes each, and where a cancel stops being possible. The
// Temporal workflow (adapters/temporal/workflows/saga-workflow.ts) and the unit tests' in-memory runner
// (test/support/run-saga.ts) both run a definition. Imports nothing at run time: workflow code uses it.

// Where a step's work happens, which sets its timeouts and retries and whether the workflow runs it as a
// local activity (adapters/temporal/workflows/activity-options.ts says why):
// - database: a short write that answers in milliseconds or not at all; run locally.
// - gateway: a call to an outside service, slower, retried for longer.
// - other: work that may wait (reserveStock queues on a product's lock); a regular activity, with the
//   database's timeouts, so that the saga hears a cancel meanwhile.
export type StepKind = 'database' | 'gateway' | 'other';

export interface SagaFailure {
  readonly code: string;
  readonly reason: string;
}

// What an activity's input is built from.
export interface SagaState<Input> {
  readonly input: Input;
  readonly sagaId: string;
}

export interface Undo<Input> {
  readonly activity: string;
  readonly kind: StepKind;
  readonly input: (saga: SagaState<Input>, failure: SagaFailure) => unknown;
  // A refusal with this code means that there was nothing to undo (the step never took effect).
  readonly nothingToUndo: string | null;
}

export interface SagaStep<Input> {
  readonly name: string;
  readonly activity: string;
  readonly kind: StepKind;
  readonly input: (saga: SagaState<Input>) => unknown;
  // Registered before the step runs: a step whose answer was lost may still have done its work.
  readonly undo: Undo<Input> | null;
  // The ids the step's answer shows in the saga's progress.
  readonly progress: (value: unknown) => Record<string, string>;
  // A step added to a saga that has run already names a patch: sagas begun before it skip the step, so
  // that their recorded histories still replay.
  readonly since: string | null;
}

export interface SagaDefinition<Input> {
  // What the saga is about, in messages: "order 42 can no longer be cancelled".
  readonly noun: string;
  readonly idOf: (input: Input) => string;
  readonly steps: readonly SagaStep<Input>[];
  // A cancel is refused from the moment this step is about to run.
  readonly pointOfNoReturn: string | null;
  readonly codes: { readonly cancelledOnRequest: string; readonly notCancellable: string };
  // Records that a compensation keeps failing and the saga waits for an operator (COMPENSATION_FAILED).
  readonly markStuck: {
    readonly activity: string;
    readonly input: (saga: SagaState<Input>, stuck: SagaFailure) => unknown;
  };
}

// Any activity is assignable to `(input: never) => ...`, whatever its input.
type ActivityMap = Record<string, (input: never) => Promise<unknown>>;
type InputOf<F> = F extends (input: infer I) => Promise<unknown> ? I : never;
type OutputOf<F> = F extends (input: never) => Promise<infer O> ? O : never;

const noIds = () => ({});

// Builders that check each step's activity name, input and progress against the activities' types.
export function stepsOver<Input, Activities extends ActivityMap>() {
  return {
    step<A extends keyof Activities & string>(
      name: string,
      activity: A,
      kind: StepKind,
      spec: {
        readonly input: (saga: SagaState<Input>) => InputOf<Activities[A]>;
        readonly undo?: Undo<Input>;
        readonly progress?: (value: OutputOf<Activities[A]>) => Record<string, string>;
        readonly since?: string;
      },
    ): SagaStep<Input> {
      const progress = (spec.progress ?? noIds) as (value: unknown) => Record<string, string>;
      const { input } = spec;
      return { name, activity, kind, input, undo: spec.undo ?? null, progress, since: spec.since ?? null };
    },
    undo<A extends keyof Activities & string>(
      activity: A,
      kind: StepKind,
      input: (saga: SagaState<Input>, failure: SagaFailure) => InputOf<Activities[A]>,
      nothingToUndo: string | null = null,
    ): Undo<Input> {
      return { activity, kind, input, nothingToUndo };
    },
  };
}
