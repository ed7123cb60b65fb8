import type { Client } from '@temporalio/client';

export interface Completion {
  readonly workflowId: string;
  // Temporal's own timestamps: when the API started the saga (just before its 202) and when it closed.
  readonly startedAt: number;
  readonly closedAt: number | null;
  readonly status: string;
}

// The sagas of one run: those of its task queue and customer, as Temporal's visibility lists them.
function queryOf(taskQueue: string, customerId: string): string {
  return `TaskQueue = '${taskQueue}' AND CustomerId = '${customerId}'`;
}

export async function runningCount(client: Client, taskQueue: string, customerId: string): Promise<number> {
  const { count } = await client.workflow.count(
    `${queryOf(taskQueue, customerId)} AND ExecutionStatus = 'Running'`,
  );
  return count;
}

// Waits until every saga of the run is closed or `timeoutMs` has passed; returns how many still run.
export async function waitForClosed(
  client: Client,
  taskQueue: string,
  customerId: string,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await runningCount(client, taskQueue, customerId);
    if (running === 0 || Date.now() >= deadline) return running;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function completionsOf(
  client: Client,
  taskQueue: string,
  customerId: string,
): Promise<Map<string, Completion>> {
  const found = new Map<string, Completion>();
  for await (const execution of client.workflow.list({
    query: queryOf(taskQueue, customerId),
    pageSize: 1000,
  })) {
    found.set(execution.workflowId, {
      workflowId: execution.workflowId,
      startedAt: execution.startTime.getTime(),
      closedAt: execution.closeTime?.getTime() ?? null,
      status: execution.status.name,
    });
  }
  return found;
}
