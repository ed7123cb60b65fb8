import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemporalSagaStarter } from '../../src/adapters/temporal/temporal-saga-starter.js';
import { testDataConverter } from '../support/temporal.js';
import { shipAndDeliverWhenAsked } from './support/fulfilment.js';
import { SagaEnv, sagaInput } from './support/saga-env.js';
import { heldStep, stubActivities } from './support/stub-activities.js';

describe('TemporalSagaStarter', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  it('starts an order once, however often it is asked, while running and after it finished', async () => {
    const reserve = heldStep();
    const stubs = stubActivities((name) => (name === 'reserveStock' ? reserve.behaviour : { kind: 'ok' }));
    const taskQueue = saga.nextTaskQueue();
    // A plain client: the time-skipping one would skip time on every call.
    const client = new Client({
      connection: saga.env.connection,
      namespace: saga.env.namespace ?? 'default',
      dataConverter: testDataConverter(),
    });
    const starter = new TemporalSagaStarter(client, taskQueue);
    const input = sagaInput();

    await saga.withWorker(taskQueue, stubs.activities, async () => {
      const first = await starter.startOrderSaga(input);
      const second = await starter.startOrderSaga(input);
      expect(second).toEqual(first);
      const runId = (await client.workflow.getHandle(first.sagaId).describe()).runId;

      reserve.release();
      await shipAndDeliverWhenAsked(saga.env, client.workflow.getHandle(first.sagaId));
      const third = await starter.startOrderSaga(input);

      expect(third).toEqual(first);
      expect((await client.workflow.getHandle(first.sagaId).describe()).runId).toBe(runId);
    });
    expect(stubs.calls.filter((call) => call.name === 'createPendingOrder')).toHaveLength(1);
  });
});
