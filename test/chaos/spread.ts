import type { Client } from '@temporalio/client';
import type { OrderTrace } from './careful-client.js';
import type { InjectedFault } from './faults.js';

export interface Spread {
  // Orders each API address answered 202 to, and how many of them after the first API was killed.
  readonly apis: readonly { baseUrl: string; accepted: number; acceptedAfterApiKilled: number | null }[];
  // What each worker process did for the accepted orders' sagas, read from their histories (the identity
  // Temporal records on each started workflow task and activity, and on the task that ran a local one).
  readonly workers: readonly { name: string; killed: boolean; workflowTasks: number; activities: number }[];
}

// How the work spread over the service's processes: the evidence that more than one of each shared it.
export async function spreadOf(parts: {
  temporal: Client;
  traces: readonly OrderTrace[];
  faults: readonly InjectedFault[];
  baseUrls: readonly string[];
  workers: ReadonlyMap<string, string>;
  killed: ReadonlySet<string>;
}): Promise<Spread> {
  const apiKilledAtMs = parts.faults.find((fault) => fault.fault === 'api')?.atS;
  const apis = parts.baseUrls.map((baseUrl) => {
    const mine = parts.traces.filter((trace) => trace.acceptedBy === baseUrl);
    return {
      baseUrl,
      accepted: mine.length,
      acceptedAfterApiKilled:
        apiKilledAtMs === undefined
          ? null
          : mine.filter((trace) => (trace.acceptedAtMs ?? 0) > apiKilledAtMs * 1_000).length,
    };
  });
  const tasks = new Map<string, { workflowTasks: number; activities: number }>();
  const count = (identity: string | null | undefined, kind: 'workflowTasks' | 'activities') => {
    const name = identity ? (parts.workers.get(identity) ?? identity) : '(no identity recorded)';
    const counts = tasks.get(name) ?? { workflowTasks: 0, activities: 0 };
    counts[kind]++;
    tasks.set(name, counts);
  };
  for (const trace of parts.traces) {
    if (trace.orderId === null) continue;
    const history = await parts.temporal.workflow.getHandle(`order-${trace.orderId}`).fetchHistory();
    // A local activity is recorded as a marker by the workflow task that ran it, which the worker that
    // completed the task names just before.
    let completedBy: string | null | undefined;
    for (const event of history.events ?? []) {
      if (event.workflowTaskStartedEventAttributes)
        count(event.workflowTaskStartedEventAttributes.identity, 'workflowTasks');
      if (event.workflowTaskCompletedEventAttributes)
        completedBy = event.workflowTaskCompletedEventAttributes.identity;
      if (event.activityTaskStartedEventAttributes)
        count(event.activityTaskStartedEventAttributes.identity, 'activities');
      if (event.markerRecordedEventAttributes?.markerName === 'core_local_activity')
        count(completedBy, 'activities');
    }
  }
  const names = [...new Set([...parts.workers.values(), ...tasks.keys()])];
  const workers = names.map((name) => ({
    name,
    killed: parts.killed.has(name),
    ...(tasks.get(name) ?? { workflowTasks: 0, activities: 0 }),
  }));
  return { apis, workers };
}
