import type { Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { waitForClosed } from '../../support/saga-completions.js';

// Temporal's visibility lists a saga only once its start has been indexed, which on a loaded server (the
// cluster of TEMPORAL_MODE=cluster, on PostgreSQL) can come after the sagas started before it have closed.
// A run counts its sagas from the orders the API accepted, not from what visibility lists so far.
describe('waitForClosed', () => {
  it('waits for the sagas visibility does not list yet, not only for those it lists as running', async () => {
    // Three accepted orders; visibility lists the third only from the fourth poll on, running, then closed.
    const polls = [
      { visible: 2, running: 0 },
      { visible: 2, running: 0 },
      { visible: 2, running: 0 },
      { visible: 3, running: 1 },
      { visible: 3, running: 0 },
    ];
    const client = visibilityAnswering(polls);

    const notClosed = await waitForClosed(client, 'queue', 'customer', 3, 60_000);

    expect(notClosed).toBe(0);
    expect(client.polled()).toBe(polls.length);
  });

  it('answers how many of the run’s sagas it has not seen closed when the time is up', async () => {
    const client = visibilityAnswering([{ visible: 2, running: 1 }]);

    expect(await waitForClosed(client, 'queue', 'customer', 4, 0)).toBe(3);
  });
});

// A client whose visibility answers each poll (a count of the run's sagas, then of those running) from
// `polls`, the last one for ever.
function visibilityAnswering(polls: readonly { visible: number; running: number }[]) {
  let poll = 0;
  const current = () => polls[Math.min(poll, polls.length - 1)] ?? { visible: 0, running: 0 };
  const count = async (query: string) => {
    if (query.includes("ExecutionStatus = 'Running'")) {
      const { running } = current();
      poll++;
      return { count: running };
    }
    return { count: current().visible };
  };
  const client = { workflow: { count } } as unknown as Client;
  return Object.assign(client, { polled: () => Math.min(poll, polls.length) });
}
