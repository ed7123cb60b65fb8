import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { SagaMetrics } from '../../src/adapters/temporal/metrics/saga-metrics.js';
import { progressQuery } from '../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { parseExposition, type Sample, sampleSum } from '../support/prometheus-text.js';
import { promtool } from '../support/promtool.js';
import { SagaEnv } from './support/saga-env.js';
import { stubActivities } from './support/stub-activities.js';

const RULES = fileURLToPath(new URL('../../ops/prometheus/alerts.yml', import.meta.url));
const RULE_TESTS = fileURLToPath(new URL('../../ops/prometheus/alerts.test.yml', import.meta.url));
const FAILURES = 'order_saga_compensation_failures_total';

describe('the alert rules under promtool', () => {
  let saga: SagaEnv;
  let dir: string;

  beforeAll(async () => {
    saga = await SagaEnv.start();
    dir = await mkdtemp(join(tmpdir(), 'alert-rules-'));
  });

  afterAll(async () => {
    await saga?.teardown();
    await rm(dir, { recursive: true, force: true });
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
    const file = join(dir, 'compensation-failed.test.yml');
    await writeFile(file, stringify(await ruleTest(before, after)));
    const run = promtool(['test', 'rules', file]);
    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });
});

// A promtool unit test whose input is the scraped series of the compensation-failure counter: two
// scrapes before the failure, two after. The alert must not fire on the first and must on the second,
// with the labels and annotations the rules file gives it.
async function ruleTest(before: readonly Sample[], after: readonly Sample[]) {
  const series = after.filter((sample) => sample.name === FAILURES);
  const rule = (parse(await readFile(RULES, 'utf8')) as RulesFile).groups
    .flatMap((group) => group.rules)
    .find((r) => r.alert === 'SagaCompensationFailed');
  if (rule === undefined || series.length === 0) throw new Error('no rule or no series to test');
  const failed = series.filter((sample) => sample.value > valueIn(before, sample));
  return {
    rule_files: [RULES],
    evaluation_interval: '1m',
    tests: [
      {
        interval: '1m',
        input_series: series.map((sample) => ({
          series: `${FAILURES}{${Object.entries(sample.labels)
            .map(([k, v]) => `${k}="${v}"`)
            .join(',')}}`,
          values: `${valueIn(before, sample)} ${valueIn(before, sample)} ${sample.value} ${sample.value}`,
        })),
        alert_rule_test: [
          { eval_time: '1m', alertname: 'SagaCompensationFailed', exp_alerts: [] },
          {
            eval_time: '3m',
            alertname: 'SagaCompensationFailed',
            exp_alerts: failed.map((sample) => ({
              exp_labels: { ...rule.labels, compensation: sample.labels.compensation },
              exp_annotations: Object.fromEntries(
                Object.entries(rule.annotations).map(([k, v]) => [
                  k,
                  v.replaceAll('{{ $labels.compensation }}', sample.labels.compensation ?? ''),
                ]),
              ),
            })),
          },
        ],
      },
    ],
  };
}

interface RulesFile {
  groups: {
    rules: { alert: string; labels: Record<string, string>; annotations: Record<string, string> }[];
  }[];
}

function valueIn(samples: readonly Sample[], like: Sample): number {
  const same = samples.find(
    (s) => s.name === like.name && JSON.stringify(s.labels) === JSON.stringify(like.labels),
  );
  return same?.value ?? 0;
}
