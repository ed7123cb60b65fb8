import { Client, type WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemporalSagaStarter } from '../../src/adapters/temporal/temporal-saga-starter.js';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import {
  CUSTOMER_ID,
  ORDER_STATUS,
  WAIT_DEADLINE,
  WAITING_FOR,
} from '../../src/adapters/temporal/workflows/search-attributes.js';
import { testDataConverter } from '../support/temporal.js';
import { shipAndDeliverWhenAsked, untilWaitingFor } from './support/fulfilment.js';
import { SagaEnv, sagaInput } from './support/saga-env.js';
import { heldStep, stubActivities } from './support/stub-activities.js';

// What Temporal's UI and `temporal workflow list --query` find a saga by: its customer from the start,
// its phase as it goes.
describe('saga search attributes', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  const attributesOf = async (handle: WorkflowHandle) => {
    const { typedSearchAttributes } = await handle.describe();
    return {
      status: typedSearchAttributes.get(ORDER_STATUS),
      customer: typedSearchAttributes.get(CUSTOMER_ID),
    };
  };

  it('starts a saga RUNNING with its customer, marks it CONFIRMED waiting for shipment, and DELIVERED at the end', async () => {
    const reserve = heldStep();
    const stubs = stubActivities((name) => (name === 'reserveStock' ? reserve.behaviour : { kind: 'ok' }));
    const taskQueue = saga.nextTaskQueue();
    const client = new Client({
      connection: saga.env.connection,
      namespace: saga.env.namespace ?? 'default',
      dataConverter: testDataConverter(),
    });
    const input = sagaInput({ customerId: 'c-search' });

    const [running, ended, awaiting, done] = await saga.withWorker(taskQueue, stubs.activities, async () => {
      const { sagaId } = await new TemporalSagaStarter(client, taskQueue).startOrderSaga(input);
      const handle = client.workflow.getHandle(sagaId);
      await stubs.started('reserveStock');
      const whileRunning = await attributesOf(handle);
      reserve.release();
      await untilWaitingFor(saga.env, handle, 'shipment');
      const awaiting = (await handle.describe()).typedSearchAttributes;
      await shipAndDeliverWhenAsked(saga.env, handle);
      const done = (await handle.describe()).typedSearchAttributes;
      return [whileRunning, await attributesOf(handle), awaiting, done] as const;
    });

    expect(running).toEqual({ status: 'RUNNING', customer: 'c-search' });
    expect(awaiting.get(ORDER_STATUS)).toBe('CONFIRMED');
    expect(awaiting.get(WAITING_FOR)).toBe('shipment');
    expect(awaiting.get(WAIT_DEADLINE)).toBeInstanceOf(Date);
    expect(ended).toEqual({ status: 'DELIVERED', customer: 'c-search' });
    expect(done.get(WAITING_FOR)).toBeUndefined();
    expect(done.get(WAIT_DEADLINE)).toBeUndefined();
  });

  it('marks a saga COMPENSATION_FAILED while it waits for an operator', async () => {
    const stubs = stubActivities((name) => {
      if (name === 'capturePayment') return { kind: 'refuse', code: 'PAYMENT.REJECTED' };
      return name === 'voidOrRefundPayment' ? { kind: 'fault' } : { kind: 'ok' };
    });

    const waiting = await saga.withSaga(stubs.activities, async (handle) => {
      while ((await handle.query(progressQuery)).phase !== 'COMPENSATION_FAILED') {
        await saga.env.sleep('1 minute');
      }
      const attributes = await attributesOf(handle);
      await handle.terminate('test over');
      return attributes;
    });

    expect(waiting.status).toBe('COMPENSATION_FAILED');
  });
});
