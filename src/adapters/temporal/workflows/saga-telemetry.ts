import { patched, proxySinks, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SagaObserver } from './saga-record.js';
import type { SagaSinks } from './saga-sinks.js';
import { ORDER_STATUS, WAIT_DEADLINE, WAITING_FOR } from './search-attributes.js';

const { sagaMetrics } = proxySinks<SagaSinks>();

// An upsert is a command in the saga's history: sagas begun before it existed (one may wait in
// COMPENSATION_FAILED for days) must replay without it. Drop the check (deprecatePatch) once no such
// saga is open any more.
const ORDER_STATUS_PATCH = 'order-status-search-attribute';

// Workflow time (the time of the workflow task), so replays compute the same durations.
function secondsBetween(from: string | Date | null, to: string | null = null): number {
  if (from === null) return 0;
  const end = to === null ? Date.now() : Date.parse(to);
  return Math.max(0, (end - new Date(from).getTime()) / 1000);
}

// What the saga shows the world as it runs: its phase as the OrderStatus search attribute, and its
// metrics through the sagaMetrics sinks. The saga starter sets OrderStatus=RUNNING and CustomerId at
// start, so a saga no worker has picked up yet is already findable.
export function sagaTelemetry(): SagaObserver & { started(): void } {
  return {
    started: () => sagaMetrics.started(),
    phaseEntered(progress) {
      if (patched(ORDER_STATUS_PATCH)) upsertSearchAttributes([{ key: ORDER_STATUS, value: progress.phase }]);
      if (progress.phase === 'COMPENSATION_FAILED') {
        const stuck = progress.compensations.find((c) => c.state === 'failed');
        if (stuck !== undefined) sagaMetrics.compensationFailed(stuck.compensation);
      }
      if (progress.phase === 'CONFIRMED' || progress.phase === 'CANCELLED') {
        const failure = progress.failure;
        const seconds = secondsBetween(workflowInfo().startTime);
        sagaMetrics.finished(progress.phase, failure?.code ?? null, failure?.step ?? null, seconds);
      }
    },
    stepFinished(record) {
      const outcome = record.state === 'done' ? 'done' : 'failed';
      sagaMetrics.stepFinished(record.step, outcome, secondsBetween(record.startedAt, record.finishedAt));
    },
    // Only sagas that wait (past the fulfilment patch) get here, so the upsert needs no patch of its own.
    waiting(waitingFor) {
      upsertSearchAttributes([
        { key: WAITING_FOR, value: waitingFor?.news ?? null },
        {
          key: WAIT_DEADLINE,
          value: waitingFor?.deadline === null || waitingFor === null ? null : new Date(waitingFor.deadline),
        },
      ]);
    },
    compensationFinished(record) {
      const outcome = record.state === 'done' ? 'done' : 'failed';
      sagaMetrics.compensationFinished(record.compensation, record.undoes, outcome);
    },
  };
}
