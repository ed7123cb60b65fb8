import { readFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import Fastify from 'fastify';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metricsPlugin } from '../../../src/adapters/http/metrics.plugin.js';
import { PaymentGatewayMetrics } from '../../../src/adapters/observability/metered-payment-gateway.js';
import { InventoryDriftMetrics } from '../../../src/adapters/temporal/metrics/inventory-drift.js';
import { SagaMetrics } from '../../../src/adapters/temporal/metrics/saga-metrics.js';
import { registerShipmentsDueGauge } from '../../../src/adapters/temporal/metrics/shipments-due.js';
import { registerStuckSagasGauge } from '../../../src/adapters/temporal/metrics/stuck-sagas.js';
import { familiesOf } from '../../support/prometheus-text.js';

const RULES = new URL('../../../ops/prometheus/alerts.yml', import.meta.url);

interface Rule {
  readonly alert: string;
  readonly expr: string;
}

function alertRules(): Rule[] {
  const file = parse(readFileSync(RULES, 'utf8')) as { groups: { rules: Rule[] }[] };
  return file.groups.flatMap((group) => group.rules);
}

// Every metric family the service exports: the worker's registry as worker.ts builds it, and the API's.
async function exportedFamilies(): Promise<Set<string>> {
  const worker = new Registry();
  collectDefaultMetrics({ register: worker });
  new SagaMetrics(worker);
  new PaymentGatewayMetrics(worker);
  new InventoryDriftMetrics(worker);
  // Never asked: the gauge is only registered here, not collected.
  const client = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  registerStuckSagasGauge(worker, {
    client,
    taskQueue: 'q',
    stuckAfterSeconds: 600,
    timeoutMs: 1,
    onError: () => {},
  });
  registerShipmentsDueGauge(worker, {
    client,
    taskQueue: 'q',
    withinSeconds: 86_400,
    timeoutMs: 1,
    onError: () => {},
  });
  const api = Fastify();
  await api.register(metricsPlugin);
  const apiText = (await api.inject('/metrics')).body;
  await api.close();
  return new Set([...worker.getMetricsAsArray().map((metric) => metric.name), ...familiesOf(apiText)]);
}

describe('the alert rules', () => {
  it('cover compensation failures, cancelled share, stuck sagas, gateway errors and inventory drift', () => {
    expect(alertRules().map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'SagaCompensationFailed',
        'SagaCancellationRateHigh',
        'SagasStuck',
        'PaymentGatewayErrorRate',
        'InventoryDrift',
      ]),
    );
  });

  it('read only metrics the service exports', async () => {
    const families = await exportedFamilies();
    const read = alertRules().flatMap((rule) =>
      [...rule.expr.matchAll(/\b(order_saga_\w+?)(?:_bucket|_count|_sum)?\b/g)].map(([, name]) => ({
        alert: rule.alert,
        name,
      })),
    );

    expect(read.length).toBeGreaterThanOrEqual(5);
    expect(read.filter(({ name }) => !families.has(name ?? ''))).toEqual([]);
  });
});
