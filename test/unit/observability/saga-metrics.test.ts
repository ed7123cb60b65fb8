import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { SagaMetrics } from '../../../src/adapters/temporal/metrics/saga-metrics.js';
import { parseExposition, sampleSum } from '../../support/prometheus-text.js';

async function samplesOf(record: (metrics: SagaMetrics) => void) {
  const registry = new Registry();
  record(new SagaMetrics(registry));
  return parseExposition(await registry.metrics());
}

describe('SagaMetrics', () => {
  it('exposes the series the alerts read at 0 before anything happened', async () => {
    const samples = await samplesOf(() => undefined);

    const zeros = (name: string) => samples.filter((s) => s.name === name && s.value === 0).length;
    expect(zeros('order_saga_sagas_finished_total')).toBe(3);
    expect(zeros('order_saga_compensation_failures_total')).toBe(3);
    expect(zeros('order_saga_compensations_total')).toBe(6);
  });

  it("tells a customer's cancellation from a failed saga", async () => {
    const samples = await samplesOf((metrics) => {
      metrics.sagaFinished('CANCELLED', 'ORDER.CANCELLED_ON_REQUEST', null, 3);
      metrics.sagaFinished('CANCELLED', 'STOCK.INSUFFICIENT', 'reserveStock', 1);
    });

    const finished = (outcome: string) => sampleSum(samples, 'order_saga_sagas_finished_total', { outcome });
    expect(finished('cancelled_on_request')).toBe(1);
    expect(finished('cancelled')).toBe(1);
    expect(
      sampleSum(samples, 'order_saga_sagas_cancelled_total', {
        code: 'ORDER.CANCELLED_ON_REQUEST',
        failed_step: 'none',
      }),
    ).toBe(1);
  });
});
