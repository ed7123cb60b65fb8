import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import {
  activityOptions,
  localActivityOptions,
} from '../src/adapters/temporal/workflows/activity-options.js';
import { orderSagaDefinition } from '../src/application/sagas/order-saga.js';
import { describeTemporalServer, temporalServerOf } from '../test/support/temporal-server.js';
import type { Design } from './options.js';

const packageVersion = (name: string): string =>
  (
    JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version;

export async function machineAndVersions(client: Client, databaseUrl: string, mongodbUrl: string) {
  const temporal = await temporalServerOf(client);
  const postgres = await MikroORM.init({
    clientUrl: databaseUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const [postgresVersion] = await postgres.em
    .getConnection()
    .execute<{ server_version: string }[]>('show server_version');
  await postgres.close(true);
  const mongo = new MongoClient(mongodbUrl, { serverSelectionTimeoutMS: 5_000 });
  const build = await mongo
    .db('admin')
    .command({ buildInfo: 1 })
    .finally(() => mongo.close());
  return {
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      kernel: execFileSync('uname', ['-sr']).toString().trim(),
      loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
    },
    versions: {
      node: process.version,
      temporalSdk: packageVersion('@temporalio/worker'),
      // The dev server (sqlite, 1 shard) or the cluster (postgres12, TEMPORAL_CLUSTER_SHARDS shards).
      temporalServer: describeTemporalServer(temporal),
      postgres: postgresVersion?.server_version ?? 'unknown',
      mongoApi: `${String(build.version)}${build.ferretdb ? ` (FerretDB ${String(build.ferretdb.version)})` : ''}`,
      mikroOrm: packageVersion('@mikro-orm/core'),
    },
  };
}

// What each design runs with, as its code sets it.
export function designConfiguration(design: Design) {
  switch (design) {
    case 'ceiling':
      return {
        workflow: 'bench/workflows/noop.workflow.ts: returns at once',
        activities: 'none',
        worker: 'SDK defaults',
      };
    case 'plain':
      return {
        workflow: 'bench/workflows/plain-saga.workflow.ts',
        activities: 'all regular; startToCloseTimeout 1 minute, SDK default retry policy',
        worker: 'SDK defaults',
      };
    case 'ours':
      return {
        workflow:
          'src/application/sagas/order-saga.ts, run by src/adapters/temporal/workflows/saga-workflow.ts',
        activities: { ...activitiesByHow(), options: { ...activityOptions, local: localActivityOptions } },
        worker: 'SDK defaults',
      };
  }
}

// Which of the saga's activities run locally (kind database) and which as regular activities.
function activitiesByHow(): { local: string[]; regular: string[] } {
  const { steps, markStuck } = orderSagaDefinition;
  const all = [...steps, ...steps.flatMap((step) => (step.undo === null ? [] : [step.undo]))];
  return {
    local: all.filter((a) => a.kind === 'database').map((a) => a.activity),
    regular: [...all.filter((a) => a.kind !== 'database').map((a) => a.activity), markStuck.activity],
  };
}
