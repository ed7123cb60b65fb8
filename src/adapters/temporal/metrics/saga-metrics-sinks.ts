import type { InjectedSinks } from '@temporalio/worker';
import type { SagaSinks } from '../workflows/saga-sinks.js';
import type { SagaMetrics } from './saga-metrics.js';

// The worker's end of the saga's sinks. Not called on replay (callDuringReplay defaults to false), so a
// saga evicted from the cache and replayed counts nothing twice; a workflow task that fails or times
// out after its sinks ran is retried and counts again, which Temporal documents and which only a bug or
// a crashed worker causes: at least once, not exactly once.
export function sagaMetricsSinks(metrics: SagaMetrics): InjectedSinks<SagaSinks> {
  return {
    sagaMetrics: {
      started: { fn: () => metrics.sagaStarted() },
      stepFinished: { fn: (_info, step, outcome, seconds) => metrics.stepFinished(step, outcome, seconds) },
      compensationFinished: {
        fn: (_info, compensation, undoes, outcome) =>
          metrics.compensationFinished(compensation, undoes, outcome),
      },
      compensationFailed: { fn: (_info, compensation) => metrics.compensationFailed(compensation) },
      finished: {
        fn: (_info, status, code, failedStep, seconds) =>
          metrics.sagaFinished(status, code, failedStep, seconds),
      },
    },
  };
}
