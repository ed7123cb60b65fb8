import { readdir, readFile } from 'node:fs/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowInterceptorModules } from '../../src/adapters/temporal/tracing-interceptors.js';
import { testDataConverter } from '../support/temporal.js';
import { workflowsPath } from './support/saga-env.js';

const dir = new URL('./histories/', import.meta.url);

// Sagas already running must replay under the new code: a change that makes the workflow take other
// decisions for the same history fails here instead of in production. The histories recorded before the
// payload codec hold plain payloads, which the codec passes through: they replay with it; *.encrypted.json
// were recorded with it (the public dev key) and replay only through it.
describe('replay of recorded saga histories', async () => {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(await readFile(new URL(file, dir), 'utf8')));
    await Worker.runReplayHistory(
      {
        workflowsPath,
        interceptors: { workflowModules: workflowInterceptorModules },
        dataConverter: testDataConverter(),
      },
      history,
      file,
    );
  });
});
