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
    const kinds = { memo: 0, none: 0 };
    for (const file of files) {
      const { events } = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
      if (
        !events.some(
          (event: { workflowExecutionUpdateAcceptedEventAttributes?: unknown }) =>
            event.workflowExecutionUpdateAcceptedEventAttributes !== undefined,
        )
      )
        continue;
      const memo = events[0].workflowExecutionStartedEventAttributes?.memo?.fields ?? {};
      kinds[TRACED_MEMO in memo ? 'memo' : 'none'] += 1;
    }
    expect(kinds.memo).toBeGreaterThanOrEqual(3);
    expect(kinds.none).toBeGreaterThanOrEqual(3);
  });

  // A saga's task timeout decides which of its steps are local (saga-workflow.ts): both kinds must stay
  // covered, sagas started with the short timeout and those begun with the default.
  it('has histories of sagas started with the short task timeout and with the default', async () => {
    const seconds: number[] = [];
    for (const file of files) {
      const { events } = JSON.parse(await readFile(new URL(file, dir), 'utf8'));
      const timeout = events[0].workflowExecutionStartedEventAttributes?.workflowTaskTimeout;
      seconds.push(Number.parseFloat(String(timeout ?? '10s')));
    }
    expect(seconds.filter((s) => s * 1000 <= SAGA_TASK_TIMEOUT_MS).length).toBeGreaterThanOrEqual(15);
    expect(seconds.filter((s) => s * 1000 > SAGA_TASK_TIMEOUT_MS).length).toBeGreaterThanOrEqual(15);
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
