import type { Client } from '@temporalio/client';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { OPEN_PHASES, ORDER_STATUS } from '../../src/adapters/temporal/workflows/search-attributes.js';

// An order's saga is done with it when it closed, or when it rests open waiting for the warehouse's
// shipment (CONFIRMED) or delivery (SHIPPED), which takes days: what the bench, the chaos test and the
// e2e tests wait for.
export function isResting(orderStatus: string | undefined): boolean {
  return orderStatus === 'CONFIRMED' || orderStatus === 'SHIPPED';
}

export interface Completion {
  readonly workflowId: string;
  // Temporal's own timestamps: when the API started the saga (just before its 202) and when it closed,
  // or, for a saga resting in CONFIRMED, when it confirmed the order (the saga's own record).
  readonly startedAt: number;
  readonly closedAt: number | null;
  readonly status: string;
}

// The sagas of one run: those of its task queue and customer, as Temporal's visibility lists them.
function queryOf(taskQueue: string, customerId: string): string {
  return `TaskQueue = '${taskQueue}' AND CustomerId = '${customerId}'`;
}

export async function runningCount(client: Client, taskQueue: string, customerId: string): Promise<number> {
  const working = OPEN_PHASES.map((phase) => `'${phase}'`).join(', ');
  const { count } = await client.workflow.count(
    `${queryOf(taskQueue, customerId)} AND ExecutionStatus = 'Running' AND ${ORDER_STATUS.name} IN (${working})`,
  );
  return count;
}

// Waits until the run's `sagas` sagas (one per order the API accepted) are all seen closed or resting (isResting), or `timeoutMs`
// has passed; returns how many it has not seen closed. Visibility lists a saga only once its start is
// indexed, which on a loaded server (the Temporal cluster, on PostgreSQL) can be after the others have
// closed: so none running is not enough, the closed ones must be all of them. The total is counted before
// the running ones, so that a saga indexed or closed between the two counts is not counted closed early.
export async function waitForClosed(
  client: Client,
  taskQueue: string,
  customerId: string,
  sagas: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count: visible } = await client.workflow.count(queryOf(taskQueue, customerId));
    const running = await runningCount(client, taskQueue, customerId);
    const notClosed = Math.max(running, sagas - (visible - running));
    if (notClosed === 0 || Date.now() >= deadline) return notClosed;
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
    const rests = isResting(execution.typedSearchAttributes.get(ORDER_STATUS));
    found.set(execution.workflowId, {
      workflowId: execution.workflowId,
      startedAt: execution.startTime.getTime(),
      closedAt:
        execution.closeTime?.getTime() ?? (rests ? await confirmedAt(client, execution.workflowId) : null),
      status: rests ? 'CONFIRMED' : execution.status.name,
    });
  }
  return found;
}

// When the saga's last step before its wait (confirmOrder) finished, by the workflow's clock.
async function confirmedAt(client: Client, workflowId: string): Promise<number | null> {
  const { steps, waitingFor } = await client.workflow.getHandle(workflowId).query(progressQuery);
  const waitedFrom = steps.find((step) => step.step === waitingFor?.news)?.startedAt;
  return waitedFrom == null ? null : Date.parse(waitedFrom);
}
