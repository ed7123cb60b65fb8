import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import { loadConfig } from '../../src/bootstrap/config.js';
import { bytesContaining, isEncryptedPayload, payloadsOf, rawHistoryOf } from '../support/raw-history.js';
import { SagaEnv, sagaInput } from './support/saga-env.js';
import { type ActivityName, type Behaviour, stubActivities } from './support/stub-activities.js';

// Issue 19: the card token of a saga's input must not sit in clear in Temporal's history. Read as
// Temporal stores them, with a client that has no codec, the histories hold ciphertext only.
describe('saga histories as Temporal stores them', () => {
  let saga: SagaEnv;
  let plain: Client;
  const keyId = loadConfig().payloadKeys[0]?.id;

  beforeAll(async () => {
    saga = await SagaEnv.start();
    plain = new Client({ connection: saga.env.connection, namespace: saga.env.namespace ?? 'default' });
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  async function run(cardToken: string, behaviour?: (name: ActivityName) => Behaviour): Promise<string> {
    const taskQueue = saga.nextTaskQueue();
    const input = sagaInput({ cardToken });
    const stubs = stubActivities(behaviour);
    await saga.withWorker(taskQueue, stubs.activities, () =>
      saga.env.client.workflow.execute('orderSaga', {
        taskQueue,
        workflowId: sagaIdOf(input.orderId),
        args: [input],
      }),
    );
    return sagaIdOf(input.orderId);
  }

  it.each([
    ['a confirmed order', 'tok_visa', undefined],
    [
      'a declined card, compensated',
      'tok_decline',
      (name: ActivityName): Behaviour =>
        name === 'authorizePayment' ? { kind: 'refuse', code: 'PAYMENT.DECLINED' } : { kind: 'ok' },
    ],
  ])(
    'hold no card token for %s, and every payload names the key that encrypted it',
    async (_case, card, behaviour) => {
      const history = await rawHistoryOf(plain, await run(card, behaviour));

      expect(bytesContaining(history, 'tok_')).toEqual([]);
      const payloads = payloadsOf(history);
      expect(payloads.length).toBeGreaterThan(5);
      expect(payloads.filter((payload) => !isEncryptedPayload(payload) || payload.keyId !== keyId)).toEqual(
        [],
      );
    },
  );
});
