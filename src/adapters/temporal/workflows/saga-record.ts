import type {
  SagaCompensationProgress,
  SagaPhase,
  SagaProgress,
  SagaStepProgress,
} from '../../../application/sagas/saga-progress.js';
import type { Attempted } from '../activities.js';
import { failureOf, type StepFailure } from './failure-of.js';

const now = () => new Date().toISOString();

type Writable<T> = { -readonly [K in keyof T]: T[K] };
type StepRecord = Writable<SagaStepProgress>;
type CompensationRecord = Writable<SagaCompensationProgress>;
type Progress = Writable<SagaProgress> & { steps: StepRecord[]; compensations: CompensationRecord[] };

// Told of each change worth reporting outside the workflow: search attributes, metrics.
export interface SagaObserver {
  phaseEntered(progress: SagaProgress): void;
  stepFinished(record: SagaStepProgress): void;
  compensationFinished(record: SagaCompensationProgress): void;
  waiting(waitingFor: SagaProgress['waitingFor']): void;
}

const unobserved: SagaObserver = {
  phaseEntered: () => undefined,
  stepFinished: () => undefined,
  compensationFinished: () => undefined,
  waiting: () => undefined,
};

// Keeps the saga's progress (what the `progress` query returns) as each step and compensation runs.
export class SagaRecord {
  private readonly record: Progress;
  private readonly observer: SagaObserver;

  constructor(steps: readonly string[], observer: SagaObserver = unobserved) {
    this.observer = observer;
    this.record = {
      phase: 'RUNNING',
      failure: null,
      steps: steps.map((step) => ({
        step,
        state: 'pending',
        attempts: 0,
        startedAt: null,
        finishedAt: null,
        error: null,
        externalIds: {},
      })),
      compensations: [],
      waitingFor: null,
    };
  }

  get progress(): SagaProgress {
    return this.record;
  }

  enter(phase: SagaPhase): void {
    this.record.phase = phase;
    this.observer.phaseEntered(this.record);
  }

  // Steps that only some sagas run (the news a saga waits for once it began doing so), shown from then on.
  addSteps(steps: readonly string[]): void {
    for (const step of steps)
      this.record.steps.push({
        step,
        state: 'pending',
        attempts: 0,
        startedAt: null,
        finishedAt: null,
        error: null,
        externalIds: {},
      });
  }

  // The saga waits for news `news` until `deadline` (workflow time); null: it waits for nothing now.
  waitFor(news: string | null, deadline: Date | null = null): void {
    this.record.waitingFor = news === null ? null : { news, deadline: deadline?.toISOString() ?? null };
    if (news !== null) Object.assign(this.stepRecord(news), { state: 'running', startedAt: now() });
    this.observer.waiting(this.record.waitingFor);
  }

  // The wait for `news` ended without it: the deadline passed or the saga was cancelled.
  waitEnded(news: string, error: { code: string; message: string }): void {
    Object.assign(this.stepRecord(news), { state: 'failed', finishedAt: now(), error });
    this.waitFor(null);
  }

  failed(failure: SagaProgress['failure']): void {
    this.record.failure = failure;
  }

  // Runs a step, recording its start, end, attempts and the ids it produced.
  async step<T>(
    name: string,
    run: () => Promise<Attempted<T>>,
    idsOf: (value: T) => Record<string, string>,
  ): Promise<T> {
    const record = this.stepRecord(name);
    record.state = 'running';
    // A wait's step started when the saga began waiting for its news.
    record.startedAt ??= now();
    try {
      const { value, attempt } = await run();
      Object.assign(record, { state: 'done', attempts: attempt, finishedAt: now() });
      record.externalIds = idsOf(value);
      this.observer.stepFinished(record);
      return value;
    } catch (error) {
      const failure = failureOf(error);
      Object.assign(record, { state: 'failed', finishedAt: now(), error: errorOf(failure) });
      record.attempts = failure.attempt ?? record.attempts;
      this.observer.stepFinished(record);
      throw error;
    }
  }

  // Registers a compensation before its step runs, so a step whose outcome is unknown is undone too.
  register(compensation: string, undoes: string): void {
    this.record.compensations.unshift({
      compensation,
      undoes,
      state: 'pending',
      attempts: 0,
      startedAt: null,
      finishedAt: null,
      error: null,
    });
  }

  pendingCompensations(): SagaCompensationProgress[] {
    return this.record.compensations.filter((record) => record.state !== 'done');
  }

  async compensate(
    compensation: SagaCompensationProgress,
    run: () => Promise<Attempted<unknown>>,
  ): Promise<StepFailure | null> {
    const record = compensation as CompensationRecord;
    const step = this.stepRecord(record.undoes);
    Object.assign(record, { state: 'running', startedAt: now(), error: null });
    if (step.state !== 'pending') step.state = 'compensating';
    try {
      const { attempt } = await run();
      Object.assign(record, { state: 'done', attempts: record.attempts + attempt, finishedAt: now() });
      if (step.state === 'compensating') step.state = 'compensated';
      this.observer.compensationFinished(record);
      return null;
    } catch (error) {
      const failure = failureOf(error);
      Object.assign(record, { state: 'failed', finishedAt: now(), error: errorOf(failure) });
      record.attempts += failure.attempt ?? 0;
      this.observer.compensationFinished(record);
      return failure;
    }
  }

  private stepRecord(name: string): StepRecord {
    const record = this.record.steps.find((step) => step.step === name);
    if (record === undefined) throw new Error(`unknown saga step ${name}`);
    return record;
  }
}

function errorOf(failure: StepFailure) {
  return { code: failure.code, message: failure.message };
}
