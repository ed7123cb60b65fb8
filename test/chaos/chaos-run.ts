import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client, Connection } from '@temporalio/client';
import { customerHeaders } from '../support/customer-headers.js';
import { waitForClosed } from '../support/saga-completions.js';
import { stockProduct } from '../support/stock-product.js';
import { describeTemporalServer, temporalServerOf } from '../support/temporal-server.js';
import { bundleWorkflows } from '../support/workflow-bundle.js';
import { type OrderTrace, placeCarefully } from './careful-client.js';
import { ChaosStack } from './chaos-stack.js';
import { injectFaults } from './faults.js';
import type { ChaosOptions } from './options.js';
import { planRun } from './plan.js';
import { type ChaosReport, customerActionOf, orderCounts } from './report.js';
import { CHAOS_ADMIN_KEY, ServiceProcesses } from './service-processes.js';
import { spreadOf } from './spread.js';
import { checkStores } from './store-checks.js';

// One chaos run: a stack of its own, the service on it, the orders of a careful client while the faults
// strike, then, once every saga has closed (or the deadline has passed), the stores checked.
export async function runChaos(
  options: ChaosOptions,
  command: string,
  log: (message: string) => void,
): Promise<ChaosReport> {
  const runId = Date.now().toString(36);
  const startedAt = new Date().toISOString();
  // The code the run loads now, not whatever is checked out by the time it reports.
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
  const loadAverageAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
  const begun = performance.now();
  const plan = planRun(options, runId);
  const taskQueue = `chaos-${runId}`;
  log(
    `chaos ${runId}: ${options.orders} orders at ${options.rate}/s to ${options.apis} API(s) and ${options.workers} worker(s), faults ${options.faults.join(', ')}`,
  );
  log(`starting a stack of the run’s own (.data/chaos/${runId})`);
  const stack = await ChaosStack.up(runId);
  let connection: Connection | null = null;
  let services: ServiceProcesses | null = null;
  try {
    const bundlePath = await bundleWorkflows('ours', `${stack.dataDir}/workflow-bundle.js`);
    connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection, namespace: 'default' });
    const temporalServer = describeTemporalServer(await temporalServerOf(temporal));
    log(`Temporal ${temporalServer}`);
    services = await ServiceProcesses.start({
      stack,
      client: temporal,
      taskQueue,
      bundlePath,
      workers: options.workers,
      apis: options.apis,
    });
    for (const product of [...plan.products, plan.scarce])
      await stockProduct(services.liveBaseUrl, CHAOS_ADMIN_KEY, {
        id: product.id,
        name: `Chaos ${product.id}`,
        unitPrice: product.unitPrice,
        quantity: product.stocked,
      });
    const customer = await customerHeaders(plan.customerId, CHAOS_ADMIN_KEY);
    log(`service up at ${services.baseUrls.join(', ')}, Temporal UI ${stack.temporalUiUrl}; sending orders`);

    const loadStart = performance.now();
    const clockMs = () => performance.now() - loadStart;
    const running = services;
    const faults = injectFaults(
      plan.faults,
      { stack, services: running, freezeS: options.freezeS, clockMs },
      log,
    );
    // Awaited once the orders are sent; a fault that fails meanwhile must not crash the run unreported.
    faults.catch(() => undefined);
    const sent: Promise<OrderTrace>[] = [];
    for (const order of plan.orders) {
      const wait = order.dueMs - clockMs();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      sent.push(placeCarefully(running.baseUrls, customer, order, clockMs));
    }
    const traces = await Promise.all(sent);
    const injected = await faults;
    const loadS = seconds(clockMs());
    log(`${traces.filter((t) => t.orderId !== null).length} orders accepted; waiting for the sagas to close`);

    const settleStart = performance.now();
    const accepted = new Set(traces.flatMap((trace) => (trace.orderId === null ? [] : [trace.orderId])));
    const open = await waitForClosed(
      temporal,
      taskQueue,
      plan.customerId,
      accepted.size,
      options.settleS * 1_000,
    );
    const settleS = seconds(performance.now() - settleStart);
    log(
      `${open === 0 ? 'every saga closed' : `${open} sagas still open`} after ${settleS} s; checking the stores`,
    );
    const findings = await checkStores({
      plan,
      traces,
      databaseUrl: stack.databaseUrl,
      mongodbUrl: stack.mongodbUrl,
      simulatorUrl: stack.simulatorUrl,
      temporal,
      taskQueue,
      baseUrl: running.liveBaseUrl,
      customer,
    });
    const spread = await spreadOf({
      temporal,
      traces,
      faults: injected,
      baseUrls: running.baseUrls,
      workers: running.workerIdentities,
      killed: running.killed,
    });
    const byOrder = new Map(traces.map((trace) => [trace.orderId, trace]));
    const violations = findings.violations.map((violation) => {
      const trace = byOrder.get(violation.subject);
      if (trace === undefined || trace.acceptedAtMs === null) return violation;
      return { ...violation, acceptedAtS: seconds(trace.acceptedAtMs), customer: customerOf(trace) };
    });
    return {
      runId,
      startedAt,
      command,
      commit,
      options,
      machine: { cores: cpus().length, loadAverageAtStart },
      temporalServer,
      durationsS: { load: loadS, settle: settleS, total: seconds(performance.now() - begun) },
      orders: orderCounts(traces, findings.orders),
      faults: injected,
      spread,
      products: findings.products,
      customerActions: traces
        .filter((t) => t.cancel !== null || t.resend !== null)
        .map((t) => customerActionOf(t, findings.orders)),
      violations,
      ok: violations.length === 0,
    };
  } finally {
    await services?.stop();
    await connection?.close();
    await stack.down();
  }
}

// What the order's customer did besides placing it, if anything.
function customerOf(trace: OrderTrace): string | undefined {
  const { cancel, resendAfterMs } = trace.planned;
  if (cancel !== null)
    return `cancelled ${cancel.afterMs} ms after the 202${cancel.sameConnection ? ' on its connection' : ''}: ${trace.cancel?.answer}`;
  if (resendAfterMs !== null) return `sent again ${resendAfterMs} ms after the 202`;
  return undefined;
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}
