import type { WorkflowHandle } from '@temporalio/client';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SagaMetrics } from '../../src/adapters/temporal/metrics/saga-metrics.js';
import {
  type orderSaga,
  progressQuery,
  retryCompensationUpdate,
} from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { parseExposition, type Sample, sampleSum } from '../support/prometheus-text.js';
import { shipAndDeliverWhenAsked } from './support/fulfilment.js';
import { SagaEnv } from './support/saga-env.js';
import { type ActivityName, type Behaviour, stubActivities } from './support/stub-activities.js';

// The saga's metrics as the workflow reports them through its sinks: each event once, however many
// attempts its activities took, and COMPENSATION_FAILED without waiting 50 minutes of retries.
describe('saga metrics', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  async function metricsOf(
    behaviour: (name: ActivityName, attempt: number) => Behaviour,
    drive: (handle: WorkflowHandle<typeof orderSaga>) => Promise<unknown> = async (handle) => {
      await shipAndDeliverWhenAsked(saga.env, handle);
      return handle.result();
    },
  ): Promise<Sample[]> {
    const registry = new Registry();
    await saga.withSaga(stubActivities(behaviour).activities, drive, { metrics: new SagaMetrics(registry) });
    return parseExposition(await registry.metrics());
  }

  it('counts a confirmed saga once, and each of its six steps and two waits once, though one step was retried', async () => {
    const samples = await metricsOf((name, attempt) =>
      name === 'authorizePayment' && attempt <= 2 ? { kind: 'fault' } : { kind: 'ok' },
    );

    expect(sampleSum(samples, 'order_saga_sagas_started_total')).toBe(1);
    expect(sampleSum(samples, 'order_saga_sagas_finished_total', { outcome: 'confirmed' })).toBe(1);
    expect(sampleSum(samples, 'order_saga_sagas_finished_total', { outcome: 'cancelled' })).toBe(0);
    expect(sampleSum(samples, 'order_saga_step_duration_seconds_count', { outcome: 'done' })).toBe(8);
    expect(sampleSum(samples, 'order_saga_step_duration_seconds_count', { step: 'authorizePayment' })).toBe(
      1,
    );
    expect(sampleSum(samples, 'order_saga_saga_duration_seconds_count', { outcome: 'confirmed' })).toBe(1);
    expect(sampleSum(samples, 'order_saga_compensations_total')).toBe(0);
  });

  it('counts a declined saga as cancelled with its code and step, and the compensations it ran', async () => {
    const samples = await metricsOf((name) =>
      name === 'authorizePayment' ? { kind: 'refuse', code: 'PAYMENT.DECLINED' } : { kind: 'ok' },
    );

    expect(sampleSum(samples, 'order_saga_sagas_finished_total', { outcome: 'cancelled' })).toBe(1);
    expect(
      sampleSum(samples, 'order_saga_sagas_cancelled_total', {
        code: 'PAYMENT.DECLINED',
        failed_step: 'authorizePayment',
      }),
    ).toBe(1);
    for (const [compensation, step] of [
      ['voidOrRefundPayment', 'authorizePayment'],
      ['releaseStock', 'reserveStock'],
      ['cancelOrder', 'createOrder'],
    ] as const) {
      expect(
        sampleSum(samples, 'order_saga_compensations_total', { compensation, step, outcome: 'done' }),
      ).toBe(1);
    }
    expect(sampleSum(samples, 'order_saga_step_duration_seconds_count', { outcome: 'failed' })).toBe(1);
    expect(sampleSum(samples, 'order_saga_compensation_failures_total')).toBe(0);
  });

  it('counts a compensation failure once, then the cancellation after the operator retry', async () => {
    let gatewayBack = false;
    const samples = await metricsOf(
      (name) => {
        if (name === 'capturePayment') return { kind: 'refuse', code: 'PAYMENT.REJECTED' };
        if (name === 'voidOrRefundPayment' && !gatewayBack) return { kind: 'fault' };
        return { kind: 'ok' };
      },
      async (handle) => {
        while ((await handle.query(progressQuery)).phase !== 'COMPENSATION_FAILED') {
          await saga.env.sleep('1 minute');
        }
        gatewayBack = true;
        await handle.executeUpdate(retryCompensationUpdate);
        return handle.result();
      },
    );

    expect(
      sampleSum(samples, 'order_saga_compensation_failures_total', { compensation: 'voidOrRefundPayment' }),
    ).toBe(1);
    expect(sampleSum(samples, 'order_saga_compensation_failures_total')).toBe(1);
    expect(
      sampleSum(samples, 'order_saga_compensations_total', {
        compensation: 'voidOrRefundPayment',
        outcome: 'failed',
      }),
    ).toBe(1);
    expect(
      sampleSum(samples, 'order_saga_compensations_total', {
        compensation: 'voidOrRefundPayment',
        outcome: 'done',
      }),
    ).toBe(1);
    expect(
      sampleSum(samples, 'order_saga_sagas_cancelled_total', {
        code: 'PAYMENT.REJECTED',
        failed_step: 'capturePayment',
      }),
    ).toBe(1);
    expect(sampleSum(samples, 'order_saga_sagas_finished_total', { outcome: 'cancelled' })).toBe(1);
  });
});
