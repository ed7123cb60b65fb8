import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowInterceptorModules } from '../../src/adapters/temporal/tracing-interceptors.js';
import { type SagaWorkflows, workflowsPathOf } from '../../src/bootstrap/saga-workflows.js';

// The workflow code bundled beforehand, as in production (WORKFLOW_BUNDLE_PATH), so that a harness's
// worker starts in seconds and its memory is the worker's and not webpack's.
export async function bundleWorkflows(workflows: SagaWorkflows, path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: workflowsPathOf(workflows),
    workflowInterceptorModules,
    logger: quiet,
  });
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, code);
  return path;
}

// A worker is ready once it polls its task queue; given its identity (the SDK's default is pid@host), once
// that worker does, as a queue still lists the pollers of a worker that died a moment ago.
export async function pollsTaskQueue(
  client: Client,
  namespace: string,
  taskQueue: string,
  identity?: string,
): Promise<boolean> {
  const answer = await client.workflowService
    .describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 })
    .catch(() => null);
  const pollers = answer?.pollers ?? [];
  return identity === undefined ? pollers.length > 0 : pollers.some((poller) => poller.identity === identity);
}

const nothing = () => undefined;
const quiet = {
  trace: nothing,
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: console.error,
  log: nothing,
};
