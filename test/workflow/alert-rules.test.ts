import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SagaMetrics } from '../../src/adapters/temporal/metrics/saga-metrics.js';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { compensationAlertFires, RULES } from '../support/compensation-alert.js';
import { parseExposition, type Sample, sampleSum } from '../support/prometheus-text.js';
import { promtool } from '../support/promtool.js';
import { SagaEnv } from './support/saga-env.js';
import { stubActivities } from './support/stub-activities.js';

const RULE_TESTS = fileURLToPath(new URL('../../ops/prometheus/alerts.test.yml', import.meta.url));
const FAILURES = 'order_saga_compensation_failures_total';

describe('the alert rules under promtool', () => {
  let saga: SagaEnv;

  beforeAll(async () => {
    saga = await SagaEnv.start();
  });

  afterAll(async () => {
    await saga?.teardown();
  });

  it('are valid rules', () => {
    const check = promtool(['check', 'rules', RULES]);
    expect(check.output).toContain('SUCCESS');
    expect(check.status).toBe(0);
  });

  it('pass their own unit tests (ops/prometheus/alerts.test.yml)', () => {
    const run = promtool(['test', 'rules', RULE_TESTS]);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it("fire SagaCompensationFailed from a worker's metrics after a compensation failure, and not before", async () => {
    const registry = new Registry();
    const metrics = new SagaMetrics(registry);
    const stubs = stubActivities((name) => {
      if (name === 'capturePayment') return { kind: 'refuse', code: 'PAYMENT.REJECTED' };
      return name === 'voidOrRefundPayment' ? { kind: 'fault' } : { kind: 'ok' };
    });
    const before = parseExposition(await registry.metrics());
    let after: Sample[] = [];

    await saga.withSaga(
      stubs.activities,
      async (handle) => {
        while ((await handle.query(progressQuery)).phase !== 'COMPENSATION_FAILED') {
          await saga.env.sleep('1 minute');
        }
        after = parseExposition(await registry.metrics());
        await handle.terminate('test over');
      },
      { metrics },
    );

    expect(sampleSum(after, FAILURES) - sampleSum(before, FAILURES)).toBe(1);
    const run = await compensationAlertFires(before, after);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});
