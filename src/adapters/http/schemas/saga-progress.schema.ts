import { type Static, Type } from '@sinclair/typebox';
import type { SagaProgress } from '../../../application/sagas/saga-progress.js';
import { Nullable, StringEnum, Timestamp } from './common.schema.js';

const StepError = Nullable(
  Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
);

export const SagaProgressSchema = Type.Object(
  {
    phase: StringEnum(['RUNNING', 'COMPENSATING', 'COMPENSATION_FAILED', 'CONFIRMED', 'CANCELLED'], {
      description: 'Where the saga is: running its steps, undoing them, stuck, or finished.',
    }),
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
          state: StringEnum(['pending', 'running', 'done', 'failed', 'compensating', 'compensated']),
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
          state: StringEnum(['pending', 'running', 'done', 'failed']),
          attempts: Type.Integer({ minimum: 0 }),
          startedAt: Nullable(Timestamp),
          finishedAt: Nullable(Timestamp),
          error: StepError,
        },
        { additionalProperties: false },
      ),
      { description: 'The undo actions registered so far, in the order they run (newest step first).' },
    ),
  },
  { $id: 'SagaProgress', additionalProperties: false, description: "The saga's record, step by step." },
);

// The schema describes the one SagaProgress (application/sagas/saga-progress.ts), which the workflow's
// query answers and the port passes on as is; the compiler holds the two the same, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SagaProgressSchemaMatchesType = Assert<Same<Static<typeof SagaProgressSchema>, SagaProgress>>;
type Assert<T extends true> = T;
