import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/bootstrap/config.js';
import { temporalServerOf } from '../support/temporal-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

// With TEMPORAL_MODE=cluster the stack runs Temporal's own server instead of the dev server (README, "A
// real Temporal cluster"): the rest of the e2e suite then runs on it unchanged. This says that it is that
// cluster, set up as stack.sh promises; on the dev server it is skipped.
describe.runIf(process.env.TEMPORAL_MODE === 'cluster')('the Temporal cluster of the local stack', () => {
  const config = loadConfig();
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    connection = await Connection.connect({ address: config.temporalAddress });
    client = new Client({ connection, namespace: config.temporalNamespace });
  });

  afterAll(async () => {
    await connection?.close();
  });

  it('keeps its state and visibility in PostgreSQL, over several history shards', async () => {
    const server = await temporalServerOf(client);
    expect(server).toMatchObject({ persistence: 'postgres12', visibility: 'postgres12' });
    expect(server?.historyShards).toBe(Number(process.env.TEMPORAL_CLUSTER_SHARDS ?? 4));
  });

  it('has the namespace, with the search attributes the sagas are indexed by', async () => {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({
      namespace: config.temporalNamespace,
    });
    const keyword = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    expect(customAttributes).toMatchObject({ OrderStatus: keyword, CustomerId: keyword });
  });

  it('serves the Web UI, pointed at the cluster', async () => {
    const port = process.env.TEMPORAL_UI_PORT ?? '8233';
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const answer = await fetch(`http://127.0.0.1:${port}/api/v1/cluster-info`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ persistenceStore: 'postgres12' });
  });

  it('is what `stack.sh status` reports', async () => {
    const { stdout } = await run('bash', ['scripts/stack.sh', 'status', 'temporal'], { cwd: root });
    expect(stdout).toMatch(/^temporal +running .*cluster \(temporal-server, \d+ history shards/m);
    expect(stdout).toMatch(/UI pid \d+/);
  });
});
