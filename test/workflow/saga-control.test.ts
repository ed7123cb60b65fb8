import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemporalSagaControl } from '../../src/adapters/temporal/temporal-saga-control.js';
import { TemporalSagaStarter } from '../../src/adapters/temporal/temporal-saga-starter.js';
import { testDataConverter } from '../support/temporal.js';
import { shipAndDeliverWhenAsked } from './support/fulfilment.js';
import { SagaEnv, sagaInput } from './support/saga-env.js';
import { stubActivities } from './support/stub-activities.js';

describe('TemporalSagaControl', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  // The API reads a saga's input from its history while the order is not stored yet; the history holds
  // the input encrypted, so the control must decode it with the client's codec.
  it("reads a started saga's input from its encrypted history", async () => {
    const taskQueue = saga.nextTaskQueue();
    const client = new Client({
      connection: saga.env.connection,
      namespace: saga.env.namespace ?? 'default',
      dataConverter: testDataConverter(),
    });
    const input = sagaInput({ customerId: 'c-control' });
    await new TemporalSagaStarter(client, taskQueue).startOrderSaga(input);

    const started = await new TemporalSagaControl(client, { timeoutMs: 5_000 }).startedSagaOf(input.orderId);

    expect(started?.input).toEqual(input);
    // The saga then runs to its end, the warehouse shipping and delivering at once.
    await saga.withWorker(taskQueue, stubActivities().activities, () =>
      shipAndDeliverWhenAsked(saga.env, client.workflow.getHandle(started?.sagaId ?? '')),
    );
  });
});
