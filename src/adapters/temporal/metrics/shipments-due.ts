import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import { WAIT_DEADLINE, WAITING_FOR } from '../workflows/search-attributes.js';

export interface ShipmentsDueOptions {
  readonly client: Client;
  readonly taskQueue: string;
  // An order waiting for shipment whose deadline is this close counts.
  readonly withinSeconds: number;
  // How long a scrape waits for Temporal before it reports nothing for this gauge.
  readonly timeoutMs: number;
  readonly onError: (error: unknown) => void;
}

// How many confirmed orders of this task queue still wait for the warehouse with their shipping
// deadline less than `withinSeconds` away (or passed, their saga refunding them): the warehouse is
// about to lose them. Counted in Temporal's visibility store (WaitingFor, WaitDeadline) when scraped;
// every worker of the queue reports the same number: alert on max(), not sum().
export function registerShipmentsDueGauge(registry: Registry, options: ShipmentsDueOptions): Gauge {
  const { client, taskQueue, withinSeconds, timeoutMs, onError } = options;
  if (taskQueue.includes("'")) throw new Error(`task queue ${taskQueue} cannot go into a visibility query`);
  return new Gauge({
    name: 'order_saga_shipments_due',
    help: `Confirmed orders of this task queue waiting for shipment with their deadline ${withinSeconds} s away or less.`,
    registers: [registry],
    async collect() {
      const before = new Date(Date.now() + withinSeconds * 1000).toISOString();
      try {
        const { count } = await client.withDeadline(Date.now() + timeoutMs, () =>
          client.workflow.count(
            `WorkflowType = 'orderSaga' AND ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue}' AND ${WAITING_FOR.name} = 'shipment' AND ${WAIT_DEADLINE.name} < '${before}'`,
          ),
        );
        this.set(count);
      } catch (error) {
        this.reset();
        onError(error);
      }
    },
  });
}
