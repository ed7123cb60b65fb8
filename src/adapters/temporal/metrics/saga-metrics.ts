import { Counter, Histogram, type Registry } from 'prom-client';
import { CANCELLED_ON_REQUEST, orderSagaDefinition } from '../../../application/sagas/order-saga.js';

// Steps answer in milliseconds, or in minutes when the retry policy is riding out an outage.
const STEP_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
// A saga confirms in seconds; one that waited for an operator in COMPENSATION_FAILED takes hours.
const SAGA_BUCKETS = [0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14_400];

const OUTCOMES = ['confirmed', 'cancelled', 'cancelled_on_request'] as const;
// Each compensation and the step it undoes, newest first.
const UNDOES = orderSagaDefinition.steps.flatMap((step) =>
  step.undo === null ? [] : [[step.undo.activity, step.name] as const],
);

// The saga's own metrics on the worker's /metrics, fed by the workflow through its sinks. Series the
// alerts read start at 0: Prometheus sees no increase in a series whose first sample is already 1.
export class SagaMetrics {
  private readonly started: Counter;
  private readonly finished: Counter<'outcome'>;
  private readonly cancelled: Counter<'code' | 'failed_step'>;
  private readonly compensationFailures: Counter<'compensation'>;
  private readonly compensations: Counter<'compensation' | 'step' | 'outcome'>;
  private readonly stepDuration: Histogram<'step' | 'outcome'>;
  private readonly sagaDuration: Histogram<'outcome'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.started = new Counter({
      name: 'order_saga_sagas_started_total',
      help: 'Order sagas that began running on this worker.',
      registers,
    });
    this.finished = new Counter({
      name: 'order_saga_sagas_finished_total',
      help: 'Order sagas that ended: confirmed, cancelled (a step failed or was refused) or cancelled_on_request (by the customer).',
      labelNames: ['outcome'],
      registers,
    });
    this.cancelled = new Counter({
      name: 'order_saga_sagas_cancelled_total',
      help: 'Cancelled order sagas by reason code and the step that failed (none when cancelled on request).',
      labelNames: ['code', 'failed_step'],
      registers,
    });
    this.compensationFailures = new Counter({
      name: 'order_saga_compensation_failures_total',
      help: 'Times a saga gave up on a compensation after its retries and entered COMPENSATION_FAILED, waiting for an operator.',
      labelNames: ['compensation'],
      registers,
    });
    this.compensations = new Counter({
      name: 'order_saga_compensations_total',
      help: 'Compensations run, by compensation, the step they undo, and outcome (done, failed after its retries).',
      labelNames: ['compensation', 'step', 'outcome'],
      registers,
    });
    this.stepDuration = new Histogram({
      name: 'order_saga_step_duration_seconds',
      help: 'Time a saga step took, retries included, by step and outcome (done, failed).',
      labelNames: ['step', 'outcome'],
      buckets: STEP_BUCKETS,
      registers,
    });
    this.sagaDuration = new Histogram({
      name: 'order_saga_saga_duration_seconds',
      help: 'Time from the start of a saga to its end, by outcome.',
      labelNames: ['outcome'],
      buckets: SAGA_BUCKETS,
      registers,
    });
    for (const outcome of OUTCOMES) this.finished.inc({ outcome }, 0);
    for (const [compensation, step] of UNDOES) {
      this.compensationFailures.inc({ compensation }, 0);
      for (const outcome of ['done', 'failed']) this.compensations.inc({ compensation, step, outcome }, 0);
    }
  }

  sagaStarted(): void {
    this.started.inc();
  }

  stepFinished(step: string, outcome: 'done' | 'failed', seconds: number): void {
    this.stepDuration.observe({ step, outcome }, seconds);
  }

  compensationFinished(compensation: string, step: string, outcome: 'done' | 'failed'): void {
    this.compensations.inc({ compensation, step, outcome });
  }

  compensationFailed(compensation: string): void {
    this.compensationFailures.inc({ compensation });
  }

  sagaFinished(
    status: 'CONFIRMED' | 'CANCELLED',
    code: string | null,
    failedStep: string | null,
    seconds: number,
  ): void {
    const outcome = outcomeOf(status, code);
    this.finished.inc({ outcome });
    if (status === 'CANCELLED')
      this.cancelled.inc({ code: code ?? 'UNKNOWN', failed_step: failedStep ?? 'none' });
    this.sagaDuration.observe({ outcome }, seconds);
  }
}

function outcomeOf(status: 'CONFIRMED' | 'CANCELLED', code: string | null): (typeof OUTCOMES)[number] {
  if (status === 'CONFIRMED') return 'confirmed';
  return code === CANCELLED_ON_REQUEST ? 'cancelled_on_request' : 'cancelled';
}
