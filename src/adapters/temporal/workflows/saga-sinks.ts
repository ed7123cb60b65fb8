import type { Sinks } from '@temporalio/workflow';

// What the saga reports to the worker for its metrics. Workflow code cannot touch a metrics registry
// (it is replayed), so it calls these sinks, which the worker runs outside the sandbox and skips on
// replay: each event is counted once per workflow task that completes (see saga-metrics-sinks.ts).
export interface SagaSinks extends Sinks {
  sagaMetrics: {
    started(): void;
    stepFinished(step: string, outcome: 'done' | 'failed', seconds: number): void;
    compensationFinished(compensation: string, undoes: string, outcome: 'done' | 'failed'): void;
    // The saga gave up on a compensation and waits for an operator (COMPENSATION_FAILED).
    compensationFailed(compensation: string): void;
    finished(
      status: 'CONFIRMED' | 'CANCELLED',
      code: string | null,
      failedStep: string | null,
      seconds: number,
    ): void;
  };
}
