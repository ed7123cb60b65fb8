import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import type { Sample } from './prometheus-text.js';
import { promtool } from './promtool.js';

export const RULES = fileURLToPath(new URL('../../ops/prometheus/alerts.yml', import.meta.url));
const FAILURES = 'order_saga_compensation_failures_total';

interface RulesFile {
  groups: {
    rules: { alert: string; labels: Record<string, string>; annotations: Record<string, string> }[];
  }[];
}

// Runs promtool over the compensation-failure counter as a service exported it, scraped before and
// after a compensation failure: two evaluations at the `before` values, two at the `after` ones. The
// alert must be silent at the first and firing, with its labels and annotations, at the second.
export async function compensationAlertFires(before: readonly Sample[], after: readonly Sample[]) {
  const dir = await mkdtemp(join(tmpdir(), 'compensation-alert-'));
  try {
    const file = join(dir, 'compensation-alert.test.yml');
    await writeFile(file, stringify(await ruleTest(before, after)));
    return promtool(['test', 'rules', file]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function ruleTest(before: readonly Sample[], after: readonly Sample[]) {
  const series = after.filter((sample) => sample.name === FAILURES);
  const rule = (parse(await readFile(RULES, 'utf8')) as RulesFile).groups
    .flatMap((group) => group.rules)
    .find((r) => r.alert === 'SagaCompensationFailed');
  if (rule === undefined || series.length === 0)
    throw new Error(`no SagaCompensationFailed rule or no ${FAILURES}`);
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

function valueIn(samples: readonly Sample[], like: Sample): number {
  const key = JSON.stringify(like.labels);
  return samples.find((s) => s.name === like.name && JSON.stringify(s.labels) === key)?.value ?? 0;
}
