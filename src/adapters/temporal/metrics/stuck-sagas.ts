import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import { OPEN_PHASES, ORDER_STATUS } from '../workflows/search-attributes.js';

export interface StuckSagasOptions {
  readonly client: Client;
  readonly taskQueue: string;
  // A saga open for longer than this since it started counts as stuck.
  readonly stuckAfterSeconds: number;
  // How long a scrape waits for Temporal before it reports nothing for this gauge.
  readonly timeoutMs: number;
  readonly onError: (error: unknown) => void;
}

// How many sagas of this task queue have been open too long, by OrderStatus, counted in Temporal's
// visibility store when scraped. A saga that waits for a worker or an activity that never answers is
// invisible to the counters, which only move when something happens; only a look at the open sagas
// finds it. Every worker of the queue reports the same number: alert on max(), not sum().
export function registerStuckSagasGauge(registry: Registry, options: StuckSagasOptions): Gauge<'status'> {
  const { client, taskQueue, stuckAfterSeconds, timeoutMs, onError } = options;
  if (taskQueue.includes("'")) throw new Error(`task queue ${taskQueue} cannot go into a visibility query`);
  return new Gauge({
    name: 'order_saga_sagas_stuck',
    help: `Sagas of this task queue still open (by OrderStatus) ${stuckAfterSeconds} s or more after they started.`,
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const startedBefore = new Date(Date.now() - stuckAfterSeconds * 1000).toISOString();
      try {
        const counts = await client.withDeadline(Date.now() + timeoutMs, () =>
          Promise.all(
            OPEN_PHASES.map((status) =>
              client.workflow.count(
                `WorkflowType = 'orderSaga' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}' AND ${ORDER_STATUS.name} = '${status}' AND StartTime < '${startedBefore}'`,
              ),
            ),
          ),
        );
        for (const [i, status] of OPEN_PHASES.entries()) this.set({ status }, counts[i]?.count ?? 0);
      } catch (error) {
        // No number is better than a stale one, and a failed count must not fail the whole scrape.
        this.reset();
        onError(error);
      }
    },
  });
}
