import { type Static, Type } from '@sinclair/typebox';
import type { SagaProgress } from '../../../application/sagas/saga-progress.js';
import { Nullable, StringEnum, Timestamp } from './common.schema.js';
import { ref } from './ref.js';

const StepError = Nullable(
  Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
);

// Named components, so that every generated client calls them the same.
export const SagaPhaseSchema = StringEnum(
  ['RUNNING', 'COMPENSATING', 'COMPENSATION_FAILED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'],
  {
    $id: 'SagaPhase',
    description:
      'Where the saga is: running its steps, undoing them, stuck, confirmed (an order then waits for its shipment), shipped (waits for delivery), delivered, or cancelled.',
  },
);
export const StepStateSchema = StringEnum(
  ['pending', 'running', 'done', 'failed', 'compensating', 'compensated'],
  {
    $id: 'StepState',
    description: 'A step of the saga: not started, running, done, failed, being undone, undone.',
  },
);
export const CompensationStateSchema = StringEnum(['pending', 'running', 'done', 'failed'], {
  $id: 'CompensationState',
  description: 'An undo action: not started, running, done, failed (retried, or left to an operator).',
});

export const SagaProgressSchema = Type.Object(
  {
    phase: ref(SagaPhaseSchema),
    failure: Nullable(
      Type.Object(
        { code: Type.String(), reason: Type.String(), step: Nullable(Type.String()) },
        { additionalProperties: false, description: 'Why the saga is undoing its steps.' },
      ),
    ),
    steps: Type.Array(
      Type.Object(
        {
          step: Type.String({ examples: ['reserveStock'] }),
          state: ref(StepStateSchema),
          attempts: Type.Integer({ minimum: 0 }),
          startedAt: Nullable(Timestamp),
          finishedAt: Nullable(Timestamp),
          error: StepError,
          externalIds: Type.Record(Type.String(), Type.String(), {
            description: 'Ids other systems gave to what the step did (reservation, payment, authorization).',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    compensations: Type.Array(
      Type.Object(
        {
          compensation: Type.String({ examples: ['releaseStock'] }),
          undoes: Type.String({ examples: ['reserveStock'] }),
          state: ref(CompensationStateSchema),
          attempts: Type.Integer({ minimum: 0 }),
          startedAt: Nullable(Timestamp),
          finishedAt: Nullable(Timestamp),
          error: StepError,
        },
        { additionalProperties: false },
      ),
      { description: 'The undo actions registered so far, in the order they run (newest step first).' },
    ),
    waitingFor: Nullable(
      Type.Object(
        {
          news: Type.String({ examples: ['shipment'] }),
          deadline: Nullable(Timestamp),
        },
        {
          additionalProperties: false,
          description:
            'What the saga waits for from outside (an order: its shipment, then its delivery) and until when; past the deadline it refunds and cancels.',
        },
      ),
    ),
  },
  { $id: 'SagaProgress', additionalProperties: false, description: "The saga's record, step by step." },
);

// The schema describes the one SagaProgress (application/sagas/saga-progress.ts), which the workflow's
// query answers and the port passes on as is; the compiler holds the two the same, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SagaProgressSchemaMatchesType = Assert<Same<Static<typeof SagaProgressSchema>, SagaProgress>>;
type Assert<T extends true> = T;
