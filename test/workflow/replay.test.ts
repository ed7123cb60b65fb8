import { readdir, readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { startTracing } from '../../src/adapters/observability/tracing.js';
import { SagaMetrics } from '../../src/adapters/temporal/metrics/saga-metrics.js';
import { sagaMetricsSinks } from '../../src/adapters/temporal/metrics/saga-metrics-sinks.js';
import {
  workerTracing,
  workflowInterceptorModules,
} from '../../src/adapters/temporal/tracing-interceptors.js';
import { SAGA_TASK_TIMEOUT_MS } from '../../src/adapters/temporal/workflows/activity-options.js';
import { TRACED_MEMO } from '../../src/adapters/temporal/workflows/workflow-tracing.js';
import { testDataConverter } from '../support/temporal.js';
import { workflowsPath } from './support/saga-env.js';

const dir = new URL('./histories/', import.meta.url);

interface HistoryEvent {
  readonly workflowExecutionStartedEventAttributes?: {
    readonly memo?: { readonly fields?: Record<string, unknown> };
    readonly workflowTaskTimeout?: string;
  };
  readonly workflowExecutionUpdateAcceptedEventAttributes?: unknown;
}

// What a recorded saga was started with (its memo's keys, its task timeout) and whether it got an update.
async function startOf(file: string) {
  const { events } = JSON.parse(await readFile(new URL(file, dir), 'utf8')) as { events: HistoryEvent[] };
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  return {
    memo: Object.keys(started?.memo?.fields ?? {}),
    taskTimeoutMs: Number.parseFloat(started?.workflowTaskTimeout ?? '10s') * 1000,
    updated: events.some((event) => event.workflowExecutionUpdateAcceptedEventAttributes !== undefined),
  };
}

// Sagas already running must replay under the new code: a change that makes the workflow take other
// decisions for the same history fails here instead of in production. The histories recorded before the
// payload codec hold plain payloads, which the codec passes through: they replay with it; *.encrypted.json
// were recorded with it (the public dev key) and replay only through it.
describe('replay of recorded saga histories', async () => {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));
  const tracing = workerTracing(startTracing({ serviceName: 'replay', otlpEndpoint: null }));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  // A saga that received an update replays only with the workflow interceptors it ran with
  // (workflow-tracing.ts): both kinds must stay covered, those started before the `traced` memo and
  // those started with it.
  it('has histories of updated sagas started with and without a traced memo', async () => {
    const updated = (await Promise.all(files.map(startOf))).filter((start) => start.updated);
    expect(updated.filter((start) => start.memo.includes(TRACED_MEMO)).length).toBeGreaterThanOrEqual(3);
    expect(updated.filter((start) => !start.memo.includes(TRACED_MEMO)).length).toBeGreaterThanOrEqual(3);
  });

  // A saga's task timeout decides which of its steps are local (saga-workflow.ts): both kinds must stay
  // covered, sagas started with the short timeout and those begun with the default.
  it('has histories of sagas started with the short task timeout and with the default', async () => {
    const timeouts = (await Promise.all(files.map(startOf))).map((start) => start.taskTimeoutMs);
    expect(timeouts.filter((ms) => ms <= SAGA_TASK_TIMEOUT_MS).length).toBeGreaterThanOrEqual(15);
    expect(timeouts.filter((ms) => ms > SAGA_TASK_TIMEOUT_MS).length).toBeGreaterThanOrEqual(15);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(new URL(file, dir), 'utf8')));
    await Worker.runReplayHistory(
      {
        workflowsPath,
        interceptors: { workflowModules: workflowInterceptorModules },
        // The worker's sinks, which a replay does not call but the sandbox looks up.
        sinks: { ...tracing.sinks, ...sagaMetricsSinks(new SagaMetrics(new Registry())) },
        dataConverter: testDataConverter(),
      },
      history,
      file,
    );
  });
});
