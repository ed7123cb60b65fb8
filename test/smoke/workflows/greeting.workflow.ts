import { proxyActivities, sleep } from '@temporalio/workflow';
import type { greetingActivities } from '../greeting-activities.js';

const { composeGreeting } = proxyActivities<ReturnType<typeof greetingActivities>>({
  startToCloseTimeout: '10 seconds',
});

// A day-long timer: instant under the time-skipping test server, and absent from the dev-server run.
export async function greetingWorkflow(name: string, waitFirst: boolean): Promise<string> {
  if (waitFirst) await sleep('1 day');
  return composeGreeting(name);
}
