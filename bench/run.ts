import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { compileService } from '../scripts/build.js';
import { migratePostgres } from '../src/adapters/postgres/migrate-postgres.js';
import { loadConfig } from '../src/bootstrap/config.js';
import { freePort } from '../test/support/free-port.js';
import { httpReady, ServiceProcess } from '../test/support/service-process.js';
import { runPayloadKeys } from '../test/support/temporal.js';
import { removeProducts } from './catalogue.js';
import { designConfiguration, machineAndVersions } from './environment.js';
import { measureRun, type RunResult } from './measure-run.js';
import { type BenchOptions, type Design, parseOptions } from './options.js';
import { type DesignResult, markdownOf } from './report.js';
import { DesignSession, type Stack } from './session.js';

// `npm run bench`: see bench/README.md.
const root = fileURLToPath(new URL('../', import.meta.url));
const BENCH_DATABASE = 'order_saga_bench';

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const runId = Date.now().toString(36);
  log(`bench ${runId}: ${JSON.stringify({ ...options, out: undefined })}`);
  execFileSync('bash', ['scripts/stack.sh', 'up'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const config = loadConfig();
  const databaseUrl = await benchDatabase(config.databaseUrl);
  const mongodbUrl = withPath(config.mongodbUrl, `/${BENCH_DATABASE}`);
  await migratePostgres(databaseUrl);
  // Every bench starts from an empty inventory (see removeProducts).
  await removeProducts(mongodbUrl);
  // Its APIs and workers run as production runs them (session.ts, servedBy).
  await compileService(`${root}dist`);

  // A simulator of the bench's own, so that its ledger holds only the bench's charges.
  const simulatorPort = await freePort();
  const simulator = ServiceProcess.start('simulator', 'src/adapters/payment/simulator/main.ts', {
    HOST: '127.0.0.1',
    PORT: String(simulatorPort),
    LOG_LEVEL: 'warn',
  });
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const connection = await Connection.connect({ address: config.temporalAddress });
  const payloadKeys = runPayloadKeys(runId);
  const client = new Client({
    connection,
    namespace: config.temporalNamespace,
    dataConverter: payloadKeys.dataConverter,
  });
  try {
    await simulator.waitFor(() => httpReady(`${simulatorUrl}/health`), 30_000);
    const stack: Stack = {
      databaseUrl,
      mongodbUrl,
      temporalAddress: config.temporalAddress,
      temporalNamespace: config.temporalNamespace,
      simulatorUrl,
      simulatorPid: simulator.pid,
      payloadKeys: payloadKeys.setting,
    };
    const environment = await machineAndVersions(client, databaseUrl, mongodbUrl);
    const designs: DesignResult[] = [];
    for (const design of options.designs)
      designs.push(await benchDesign(design, stack, client, options, runId));
    const report = {
      runId,
      startedAt: new Date(Number.parseInt(runId, 36)).toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      options,
      ...environment,
      logLevel: 'warn (API and worker)',
      designs,
    };
    const markdown = markdownOf(designs);
    const out = options.out ?? `${root}.data/bench/bench-${runId}.json`;
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(out.replace(/\.json$/, '.md'), `${markdown}\n`);
    console.log(`\n${markdown}\n\nreport: ${out}`);
    const broken = designs.some((d) => d.error !== undefined || d.runs.some((run) => !run.invariants.ok));
    process.exitCode = broken ? 1 : 0;
  } finally {
    await connection.close();
    await simulator.stop();
  }
}

async function benchDesign(
  design: Design,
  stack: Stack,
  client: Client,
  options: BenchOptions,
  runId: string,
): Promise<DesignResult> {
  const configuration = designConfiguration(design);
  log(`${design}: starting worker and API`);
  let session: DesignSession;
  try {
    session = await DesignSession.start(design, stack, client, runId, options.cpuProfDir);
  } catch (error) {
    return {
      design,
      configuration,
      peakRssMiB: { api: null, worker: null },
      runs: [],
      knee: null,
      error: String(error),
    };
  }
  const runs: RunResult[] = [];
  let error: string | undefined;
  try {
    for (const rate of options.rates) {
      log(`${design}: ${rate} orders/s for ${options.warmupS}+${options.durationS} s`);
      const run = await measureRun({
        session,
        client,
        simulatorUrl: stack.simulatorUrl,
        simulatorPid: stack.simulatorPid,
        mongodbUrl: stack.mongodbUrl,
        rate,
        options,
        tag: `${design}-${String(rate).replace('.', '_')}-${runId}`,
      });
      runs.push(run);
      const c = run.completionMs.all;
      log(
        `${design} @ ${rate}/s: achieved ${run.achievedRate}/s, p50 ${c.p50} p99 ${c.p99} ms, unfinished ${run.unfinished}, refused ${run.rejected}, invariants ${run.invariants.ok ? 'ok' : run.invariants.violations.join('; ')}`,
      );
      // Past the knee the backlog only grows: higher rates would measure the queue, not the design.
      if (options.rates.length > 1 && !run.sustained) break;
    }
  } catch (failure) {
    error = failure instanceof Error ? failure.message : String(failure);
    log(`${design}: ${error}\n${session.worker.tail(2_000)}\n${session.api.tail(2_000)}`);
  }
  const peakRssMiB = session.peakRssMiB();
  await session.stop();
  const sustained = runs.filter((run) => run.sustained).map((run) => run.offeredRate);
  const knee = sustained.length > 0 ? Math.max(...sustained) : null;
  return { design, configuration, peakRssMiB, runs, knee, ...(error === undefined ? {} : { error }) };
}

// The bench keeps its rows in a database of its own, created on first use.
async function benchDatabase(serviceUrl: string): Promise<string> {
  const orm = await MikroORM.init({
    clientUrl: serviceUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  try {
    const connection = orm.em.getConnection();
    const found = await connection.execute('select 1 from pg_database where datname = ?', [BENCH_DATABASE]);
    if (found.length === 0) await connection.execute(`create database ${BENCH_DATABASE}`);
  } finally {
    await orm.close(true);
  }
  return withPath(serviceUrl, `/${BENCH_DATABASE}`);
}

function withPath(url: string, path: string): string {
  const parsed = new URL(url);
  parsed.pathname = path;
  return parsed.toString();
}

function log(message: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
