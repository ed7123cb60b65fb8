import { ApplicationFailure, Context } from '@temporalio/activity';
import type { SagaActivities } from '../../../src/adapters/temporal/activities.js';

export type ActivityName = keyof SagaActivities;

// A step that does not answer until the test lets it go.
export function heldStep(): { behaviour: Behaviour; release: () => void } {
  let release: () => void = () => undefined;
  const until = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { behaviour: { kind: 'wait', until }, release };
}

// How a stub answers one call: with a value, a business refusal, a transient fault, or not at all
// (until the test lets it go or the activity times out).
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'refuse'; code: string }
  | { kind: 'fault'; code?: string }
  | { kind: 'hang' }
  | { kind: 'wait'; until: Promise<void> };

export interface Call {
  readonly name: ActivityName;
  readonly input: unknown;
  readonly attempt: number;
  // One attempt of one scheduled activity of one saga run. A local activity is at-least-once: when a
  // workflow task times out on loaded cores, the attempt in flight runs again under the same key.
  readonly execution: string;
  readonly outcome: 'ok' | 'failed';
}

const answers: Record<ActivityName, (input: { orderId: string }) => unknown> = {
  createPendingOrder: ({ orderId }) => ({ id: orderId, status: 'PENDING' }),
  reserveStock: ({ orderId }) => ({
    orderId,
    reservations: [{ orderId, productId: 'p-1', quantity: 2, status: 'HELD' }],
  }),
  releaseStock: ({ orderId }) => ({ orderId, reservations: [] }),
  authorizePayment: ({ orderId }) => ({ id: `pay-${orderId}`, orderId, authorizationId: `auth-${orderId}` }),
  capturePayment: ({ orderId }) => ({ id: `pay-${orderId}`, orderId, status: 'CAPTURED' }),
  voidOrRefundPayment: ({ orderId }) => ({ orderId, outcome: 'VOIDED', payment: null }),
  commitStock: ({ orderId }) => ({ orderId, reservations: [] }),
  confirmOrder: ({ orderId }) => ({ id: orderId, status: 'CONFIRMED' }),
  shipOrder: ({ orderId }) => ({ id: orderId, status: 'SHIPPED' }),
  deliverOrder: ({ orderId }) => ({ id: orderId, status: 'DELIVERED' }),
  returnCommittedStock: ({ orderId }) => ({ orderId, reservations: [] }),
  cancelOrder: ({ orderId }) => ({ id: orderId, status: 'CANCELLED' }),
  markCompensationFailed: ({ orderId }) => ({ id: orderId, status: 'COMPENSATION_FAILED' }),
};

// Activities with the saga's names that record every call and answer as the test says, standing in for
// the use-cases so the workflow's own logic is what is under test.
export function stubActivities(
  behaviour: (name: ActivityName, attempt: number) => Behaviour = () => ({ kind: 'ok' }),
) {
  const calls: Call[] = [];
  const starts = new Map<ActivityName, () => void>();
  const startedPromises = new Map<ActivityName, Promise<void>>();
  // Resolves once the activity has begun its first attempt.
  const started = (name: ActivityName): Promise<void> => {
    let promise = startedPromises.get(name);
    if (promise === undefined) {
      promise = new Promise<void>((resolve) => starts.set(name, resolve));
      startedPromises.set(name, promise);
    }
    return promise;
  };
  const stub =
    (name: ActivityName) =>
    async (input: { orderId: string }): Promise<{ value: unknown; attempt: number }> => {
      const { attempt, activityId, workflowExecution } = Context.current().info;
      const execution = `${workflowExecution?.runId}/${activityId}/${attempt}`;
      void started(name);
      starts.get(name)?.();
      const answer = behaviour(name, attempt);
      const record = (outcome: Call['outcome']) => calls.push({ name, input, attempt, execution, outcome });
      if (answer.kind === 'hang') {
        record('failed');
        // Never answers; gives up only when cancelled, e.g. by the worker shutting down after the test.
        await Context.current().cancelled;
      }
      if (answer.kind === 'wait') await answer.until;
      if (answer.kind === 'refuse' || answer.kind === 'fault') {
        record('failed');
        throw ApplicationFailure.create({
          type: answer.kind === 'refuse' ? answer.code : (answer.code ?? 'TRANSIENT.DEPENDENCY_UNAVAILABLE'),
          message: `${name} ${answer.kind === 'refuse' ? 'refused' : 'failed'} (stub)`,
          nonRetryable: answer.kind === 'refuse',
          details: [{ attempt }],
        });
      }
      record('ok');
      return { value: answers[name](input), attempt };
    };
  const activities = Object.fromEntries(
    (Object.keys(answers) as ActivityName[]).map((name) => [name, stub(name)]),
  ) as unknown as SagaActivities;
  // Every attempt once (its first record), in the order recorded, however often each ran.
  const once = () => {
    const seen = new Set<string>();
    return calls.filter((call) => !seen.has(call.execution) && seen.add(call.execution));
  };
  const succeeded = () => once().flatMap((call) => (call.outcome === 'ok' ? [call.name] : []));
  // How many attempts of the activity the sagas made (scheduled again or retried), not how often they ran.
  const tries = (name: ActivityName) => once().filter((call) => call.name === name).length;
  return { activities, calls, once, succeeded, tries, started };
}
