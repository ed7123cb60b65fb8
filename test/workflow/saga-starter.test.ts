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
    expect(stubs.tries('createPendingOrder')).toBe(1);
  });

  // What the saga reads back from its start (saga-start-options.ts): the short task timeout that lets
  // it run every step locally and still hear a cancel within 2 s, and whether it makes workflow spans.
  it('starts the saga with a 2-second workflow task timeout and its tracing memo', async () => {
    const stubs = stubActivities();
    const taskQueue = saga.nextTaskQueue();
    const client = new Client({
      connection: saga.env.connection,
      namespace: saga.env.namespace ?? 'default',
      dataConverter: testDataConverter(),
    });
    const { sagaId } = await new TemporalSagaStarter(client, taskQueue).startOrderSaga(sagaInput());
    const handle = client.workflow.getHandle(sagaId);

    const description = await handle.describe();
    expect(description.raw.executionConfig?.defaultWorkflowTaskTimeout?.seconds?.toString()).toBe('2');
    expect(await description.memo).toEqual({ traced: false });
    await saga.withWorker(taskQueue, stubs.activities, async () => {
      await shipAndDeliverWhenAsked(saga.env, handle);
      await handle.result();
    });
    // Every step ran in the saga's worker: no activity task went through Temporal.
    const events = (await handle.fetchHistory()).events ?? [];
    expect(events.filter((event) => event.activityTaskScheduledEventAttributes)).toEqual([]);
    const localRuns = events.filter(
      (event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    // The six steps, the shipment and the delivery.
    expect(localRuns).toHaveLength(8);
  });
});
