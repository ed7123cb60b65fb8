// A saga as data: its steps in order, what undoes each, and where a cancel stops being possible. The
// Temporal workflow (adapters/temporal/workflows/saga-workflow.ts) and the unit tests' in-memory runner
// (test/support/run-saga.ts) both run a definition. Imports nothing at run time: workflow code uses it.

import type { SagaPhase } from './saga-progress.js';

// Where a step's work happens, which sets its timeouts and retries (every kind runs as a local activity
// in sagas started with the short task timeout; adapters/temporal/workflows/activity-options.ts says why,
// and what sagas begun before run):
// - database: a short write that answers in milliseconds or not at all.
// - gateway: a call to an outside service, slower, retried for longer.
// - other: work that may wait (reserveStock queues on a product's lock), with the database's timeouts.
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
  // What the saga waits for once its steps are done; null: it ends with them.
  readonly afterwards: SagaAfterwards<Input> | null;
  // Records that a compensation keeps failing and the saga waits for an operator (COMPENSATION_FAILED).
  readonly markStuck: {
    readonly activity: string;
    readonly input: (saga: SagaState<Input>, stuck: SagaFailure) => unknown;
  };
}

// After its steps a saga may wait for news from outside (an order's shipment, then its delivery), each
// news an update named after the wait and recorded by an activity. Waits may set a deadline (a durable
// timer) past which the saga undoes everything, and may let a cancel in again.
export interface SagaWait<Input> {
  // Also the name of the update that brings the news, e.g. 'shipment'.
  readonly name: string;
  readonly activity: string;
  readonly kind: StepKind;
  readonly input: (saga: SagaState<Input>, news: unknown) => unknown;
  // The phase the saga enters once the news is recorded.
  readonly enters: SagaPhase;
  // The same news sent again (a retry) is answered as the first; any other is refused.
  readonly same: (recorded: unknown, news: unknown) => boolean;
  // The refusal of news the saga is not waiting for.
  readonly notAwaited: string;
  // A cancel is accepted while the saga waits for this news.
  readonly cancellable: boolean;
  // How long the saga waits, from the moment it starts waiting; null: for ever.
  readonly deadline: {
    readonly afterMs: (input: Input) => number;
    readonly code: string;
    readonly reason: string;
  } | null;
}

export interface SagaAfterwards<Input> {
  // The patch that sagas begun before the waits existed skip them by: they end where the steps do.
  readonly since: string;
  // Registered when the waits begin: how to undo steps that had no undo while they ran (past the point
  // of no return) should the saga be cancelled or miss a deadline now.
  readonly undo: readonly (Undo<Input> & { readonly undoes: string })[];
  readonly waits: readonly SagaWait<Input>[];
}

// The undo that a compensation registered for `undoes` runs.
export function undoOf<Input>(definition: SagaDefinition<Input>, undoes: string): Undo<Input> {
  const undo =
    definition.steps.find((step) => step.name === undoes)?.undo ??
    definition.afterwards?.undo.find((each) => each.undoes === undoes);
  if (undo === undefined || undo === null) throw new Error(`no compensation for ${undoes}`);
  return undo;
}

type WaitSpec<Input, A> = Omit<SagaWait<Input>, 'name' | 'activity' | 'kind' | 'input' | 'same'> & {
  readonly input: (saga: SagaState<Input>, news: A) => unknown;
  readonly same: (recorded: A, news: A) => boolean;
};

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
    // News of type News awaited after the steps, recorded by `activity`.
    wait<News, A extends keyof Activities & string>(
      name: string,
      activity: A,
      kind: StepKind,
      spec: WaitSpec<Input, News> & {
        readonly input: (saga: SagaState<Input>, news: News) => InputOf<Activities[A]>;
      },
    ): SagaWait<Input> {
      const input = spec.input as (saga: SagaState<Input>, news: unknown) => unknown;
      const same = spec.same as (recorded: unknown, news: unknown) => boolean;
      return { ...spec, name, activity, kind, input, same };
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
