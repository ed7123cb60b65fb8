import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/adapters/http/app.js';
import { metricsPlugin } from '../../src/adapters/http/metrics.plugin.js';
import { JoseCustomerTokens } from '../../src/adapters/jwt/jose-customer-tokens.js';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import type { ApiUseCases } from '../../src/application/api-use-cases.js';
import { customerTokenSettingsOf } from '../../src/bootstrap/config.js';
import { tokens } from '../../src/bootstrap/container.js';
import { compensationAlertFires } from '../support/compensation-alert.js';
import { asCustomer } from '../support/credentials.js';
import { parseExposition, type Sample, sampleSum } from '../support/prometheus-text.js';
import { uniqueName } from '../support/settings.js';
import { RefusingGatewayProxy } from './support/observability-gateway-proxy.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

// An order of this amount has its capture and its void refused by the gateway proxy: it ends in
// COMPENSATION_FAILED at once.
const DOOMED_AMOUNT = 1313;

// Three real orders through the API on the real stack (PostgreSQL, FerretDB, Temporal's dev server,
// the simulator), run by a real worker process: one confirmed, one declined, one whose compensation
// fails. Then what an operator would look at: both /metrics, the alert, Temporal's visibility, the logs.
describe('watching sagas on the real stack', () => {
  const world = new SagaWorld();
  const customerId = uniqueName('watched');
  let proxy: RefusingGatewayProxy;
  let worker: WorkerProcess;
  let api: FastifyInstance;
  let before: Sample[];
  const orders = { confirmed: '', declined: '', doomed: '' };

  beforeAll(async () => {
    await world.resources.prepare();
    const gateway = await RefusingGatewayProxy.start(world.config.paymentGatewayUrl, DOOMED_AMOUNT);
    proxy = gateway.proxy;
    worker = await WorkerProcess.start(
      { ...world.config, paymentGatewayUrl: gateway.url },
      { LOG_FORMAT: 'json', SAGA_STUCK_AFTER_SECONDS: '1' },
    );
    api = await apiWithMetrics();
    before = await scrape(worker.metricsUrl);

    orders.confirmed = await place(await world.product(5, 1250), 'tok_visa');
    orders.declined = await place(await world.product(5, 1250), 'tok_decline');
    orders.doomed = await place(await world.product(5, DOOMED_AMOUNT), 'tok_visa');
    await world.sagaResult(orders.confirmed);
    await world.sagaResult(orders.declined);
    await eventually(async () => {
      expect(sampleSum(await scrape(worker.metricsUrl), 'order_saga_compensation_failures_total')).toBe(1);
    });
  });

  afterAll(async () => {
    if (orders.doomed !== '') {
      await world.temporal.workflow
        .getHandle(sagaIdOf(orders.doomed))
        .terminate('test over')
        .catch(() => {});
    }
    await api?.close();
    await worker?.kill('SIGTERM');
    await proxy?.close();
    await world.close();
  });

  const apiConfig = () => ({ ...world.config, adminApiKey: 'observability-e2e-admin-key' });

  // The API as the colleague's buildApp makes it, with the metrics plugin if it does not register it yet.
  async function apiWithMetrics(): Promise<FastifyInstance> {
    const app = await buildApp({
      logger: false,
      useCases: world.resources.container.resolve<ApiUseCases>(tokens.apiUseCases),
      dependencies: world.resources.dependencyChecks,
      customerTokens: new JoseCustomerTokens(customerTokenSettingsOf(apiConfig())),
    });
    if (!app.hasRoute({ method: 'GET', url: '/metrics' })) await app.register(metricsPlugin);
    return app;
  }

  async function place(productId: string, cardToken: string): Promise<string> {
    const answer = await api.inject({
      method: 'POST',
      url: '/orders',
      payload: { customerId, cardToken, lines: [{ productId, quantity: 1 }] },
      headers: await asCustomer(customerId, apiConfig()),
    });
    expect(answer.statusCode).toBe(202);
    return answer.json<{ orderId: string }>().orderId;
  }

  it("counts each saga's outcome, its compensations and the gateway's answers on the worker", async () => {
    const samples = await scrape(worker.metricsUrl);
    const count = (name: string, labels: Record<string, string> = {}) => sampleSum(samples, name, labels);

    expect(count('order_saga_sagas_started_total')).toBe(3);
    expect(count('order_saga_sagas_finished_total', { outcome: 'confirmed' })).toBe(1);
    expect(count('order_saga_sagas_finished_total', { outcome: 'cancelled' })).toBe(1);
    expect(
      count('order_saga_sagas_cancelled_total', {
        code: 'PAYMENT.DECLINED',
        failed_step: 'authorizePayment',
      }),
    ).toBe(1);
    expect(count('order_saga_compensation_failures_total', { compensation: 'voidOrRefundPayment' })).toBe(1);
    expect(
      count('order_saga_compensations_total', { compensation: 'voidOrRefundPayment', outcome: 'failed' }),
    ).toBe(1);
    expect(count('order_saga_saga_duration_seconds_count')).toBe(2);
    const gateway = 'order_saga_payment_gateway_requests_total';
    expect(count(gateway, { operation: 'authorize', outcome: 'ok' })).toBe(2);
    expect(count(gateway, { operation: 'authorize', outcome: 'declined' })).toBe(1);
    expect(count(gateway, { operation: 'capture', outcome: 'rejected' })).toBe(1);
    expect(count(gateway, { operation: 'void', outcome: 'rejected' })).toBe(1);
    expect(count(gateway, { outcome: 'error' })).toBe(0);
  });

  it("exposes the Temporal SDK's own worker metrics on the same scrape", async () => {
    const samples = await scrape(worker.metricsUrl);

    // The declined order's saga; the confirmed one waits for the warehouse, the doomed one for an operator.
    expect(sampleSum(samples, 'temporal_workflow_completed')).toBeGreaterThanOrEqual(1);
    expect(samples.some((sample) => sample.name === 'temporal_worker_task_slots_available')).toBe(true);
  });

  it("counts the orders placed and the requests' durations by route on the API", async () => {
    const samples = parseExposition((await api.inject('/metrics')).body);

    expect(sampleSum(samples, 'order_saga_orders_placed_total')).toBe(3);
    expect(
      sampleSum(samples, 'order_saga_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/orders',
        status_code: '202',
      }),
    ).toBe(3);
  });

  it("fires the compensation-failure alert from the worker's own metrics", async () => {
    const run = await compensationAlertFires(before, await scrape(worker.metricsUrl));

    expect(run.output).toContain('SUCCESS');
    expect(run.status).toBe(0);
  });

  it('finds the sagas by order status and customer with `temporal workflow list --query`', async () => {
    const queue = `TaskQueue = '${world.config.temporalTaskQueue}'`;

    await eventually(async () => {
      expect(await listSagas(world.config, `${queue} AND OrderStatus = 'COMPENSATION_FAILED'`)).toEqual([
        sagaIdOf(orders.doomed),
      ]);
      expect(await listSagas(world.config, `${queue} AND OrderStatus = 'CONFIRMED'`)).toEqual([
        sagaIdOf(orders.confirmed),
      ]);
      expect(await listSagas(world.config, `${queue} AND OrderStatus = 'CANCELLED'`)).toEqual([
        sagaIdOf(orders.declined),
      ]);
      expect((await listSagas(world.config, `CustomerId = '${customerId}'`)).sort()).toEqual(
        [orders.confirmed, orders.declined, orders.doomed].map(sagaIdOf).sort(),
      );
    });
  });

  it('counts the saga waiting for an operator as stuck once past the bound, not the order waiting for shipment', async () => {
    await eventually(async () => {
      const samples = await scrape(worker.metricsUrl);
      expect(sampleSum(samples, 'order_saga_sagas_stuck', { status: 'COMPENSATION_FAILED' })).toBe(1);
      expect(sampleSum(samples, 'order_saga_sagas_stuck', { status: 'RUNNING' })).toBe(0);
      expect(sampleSum(samples, 'order_saga_sagas_stuck')).toBe(1);
    });
    // Open for longer than the bound (1 s), and not counted: it waits for the warehouse, for days.
    const confirmed = await world.temporal.workflow.getHandle(sagaIdOf(orders.confirmed)).describe();
    expect(confirmed.status.name).toBe('RUNNING');
    expect(Date.now() - confirmed.startTime.getTime()).toBeGreaterThan(1_000);
  });

  it("logs every step of the worker with its order's orderId and sagaId", () => {
    const lines = worker.log
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const steps = lines.filter((line) => line.msg === 'step done' || line.msg === 'step refused');

    expect(steps.filter((line) => line.orderId === orders.doomed).length).toBeGreaterThanOrEqual(4);
    expect(steps.filter((line) => line.sagaId !== sagaIdOf(String(line.orderId)))).toEqual([]);
    expect(
      lines.find((line) => line.msg === 'step refused' && line.orderId === orders.declined),
    ).toMatchObject({
      code: 'PAYMENT.DECLINED',
      activityType: 'authorizePayment',
    });
  });
});

async function scrape(url: string): Promise<Sample[]> {
  const answer = await fetch(url);
  if (!answer.ok) throw new Error(`GET ${url}: HTTP ${answer.status}`);
  return parseExposition(await answer.text());
}

const run = promisify(execFile);
const temporalCli = join(
  process.env.ORDER_SAGA_CACHE ?? join(homedir(), '.cache', 'order-saga'),
  'py',
  'bin',
  'temporal',
);

// The Temporal CLI an operator would use, as scripts/lib/common.sh installs it.
async function listSagas(config: { temporalAddress: string; temporalNamespace: string }, query: string) {
  const { stdout } = await run(temporalCli, [
    ...['workflow', 'list', '--address', config.temporalAddress, '--namespace', config.temporalNamespace],
    ...['--query', query, '--output', 'json'],
  ]);
  const executions = JSON.parse(stdout || '[]') as { execution: { workflowId: string } }[];
  return executions.map((e) => e.execution.workflowId);
}

// Visibility and metrics catch up with the sagas within moments; the test waits for them, not a time.
async function eventually(check: () => Promise<void>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
