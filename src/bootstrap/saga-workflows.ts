import { fileURLToPath } from 'node:url';
import { ConfigError } from './config.js';

// What the worker runs as 'orderSaga' (SAGA_WORKFLOWS): the saga this project ships (ours, the default),
// or, for the benchmark in bench/, the saga written the plain way and a workflow that does nothing.
const workflowFiles = {
  ours: '../adapters/temporal/workflows/index.ts',
  plain: '../../bench/workflows/plain-saga.workflow.ts',
  noop: '../../bench/workflows/noop.workflow.ts',
} as const;

export type SagaWorkflows = keyof typeof workflowFiles;

export function sagaWorkflowsOf(env: NodeJS.ProcessEnv = process.env): SagaWorkflows {
  const value = env.SAGA_WORKFLOWS?.trim() || 'ours';
  if (!Object.hasOwn(workflowFiles, value)) {
    throw new ConfigError([`SAGA_WORKFLOWS must be one of ${Object.keys(workflowFiles).join(', ')}`]);
  }
  return value as SagaWorkflows;
}

export function workflowsPathOf(workflows: SagaWorkflows): string {
  return fileURLToPath(new URL(workflowFiles[workflows], import.meta.url));
}
