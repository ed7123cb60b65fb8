import { SAGA_TASK_TIMEOUT_MS } from './workflows/activity-options.js';
import { tracingMemo } from './workflows/workflow-tracing.js';

// What every saga is started with, beyond its id and input: whether its workflow makes spans (its memo,
// workflow-tracing.ts), and the short workflow task timeout with which it runs every step as a local
// activity and still hears a cancel within 2 s (activity-options.ts). Both are read back by the saga
// from its start, so a saga keeps what it began with on every replay.
export function sagaStartOptions(traced: boolean) {
  return { memo: tracingMemo(traced), workflowTaskTimeout: SAGA_TASK_TIMEOUT_MS };
}
