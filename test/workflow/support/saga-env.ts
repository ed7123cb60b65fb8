import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Registry } from 'prom-client';
import { startTracing } from '../../../src/adapters/observability/tracing.js';
import type { SagaActivities } from '../../../src/adapters/temporal/activities.js';
import type { MaintenanceActivities } from '../../../src/adapters/temporal/maintenance-activities.js';
import { SagaMetrics } from '../../../src/adapters/temporal/metrics/saga-metrics.js';
import { sagaMetricsSinks } from '../../../src/adapters/temporal/metrics/saga-metrics-sinks.js';
import { sagaStartOptions } from '../../../src/adapters/temporal/saga-start-options.js';
import { registerSearchAttributes } from '../../../src/adapters/temporal/search-attribute-check.js';
import {
  type SpanSink,
  workerTracing,
  workflowInterceptorModules,
} from '../../../src/adapters/temporal/tracing-interceptors.js';
import type { orderSaga } from '../../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { sagaIdOf } from '../../../src/adapters/temporal/workflows/saga-progress.js';
import type { OrderSagaInput } from '../../../src/application/ports/saga-starter.js';
import { startTimeSkipping, testDataConverter } from '../../support/temporal.js';

export const workflowsPath = fileURLToPath(
  new URL('../../../src/adapters/temporal/workflows/index.ts', import.meta.url),
);

// What a test may watch the saga through; by default its metrics go to a registry nobody reads and its
// spans nowhere.
export interface Observers {
  readonly metrics?: SagaMetrics;
  readonly spans?: SpanSink;
}

// One time-skipping server and one workflow bundle per test file; a worker per test. Workers run the
// saga as production does: with the search attributes registered, the OpenTelemetry interceptors in
// the bundle, and the saga's metric sinks.
export class SagaEnv {
  private counter = 0;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    private readonly bundle: WorkflowBundleWithSourceMap,
  ) {}

  static async start(): Promise<SagaEnv> {
    const [env, bundle] = await Promise.all([
      startTimeSkipping(),
      bundleWorkflowCode({
        workflowsPath,
        workflowInterceptorModules,
        logger: quietLogger,
      }),
    ]);
    await registerSearchAttributes(env.connection.operatorService, env.namespace ?? 'default');
    return new SagaEnv(env, bundle);
  }

  nextTaskQueue(): string {
    this.counter += 1;
    return `saga-test-${this.counter}`;
  }

  async withWorker<T>(
    taskQueue: string,
    activities: SagaActivities | MaintenanceActivities,
    run: () => Promise<T>,
    observers: Observers = {},
  ): Promise<T> {
    const tracing = workerTracing(
      observers.spans ?? startTracing({ serviceName: 'test', otlpEndpoint: null }),
    );
    const metrics = observers.metrics ?? new SagaMetrics(new Registry());
    const worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue,
      workflowBundle: this.bundle,
      dataConverter: testDataConverter(),
      activities,
      // The workflow interceptors are in the bundle already.
      interceptors: { activity: tracing.interceptors.activity },
      sinks: { ...tracing.sinks, ...sagaMetricsSinks(metrics) },
    });
    return worker.runUntil(run());
  }

  // Starts one saga on a worker of its own and hands its handle to the test while the worker runs.
  async withSaga<T>(
    activities: SagaActivities,
    body: (handle: WorkflowHandle<typeof orderSaga>) => Promise<T>,
    observers: Observers = {},
  ): Promise<T> {
    const taskQueue = this.nextTaskQueue();
    const input = sagaInput();
    return this.withWorker(
      taskQueue,
      activities,
      async () => {
        const handle = await this.env.client.workflow.start<typeof orderSaga>('orderSaga', {
          taskQueue,
          workflowId: sagaIdOf(input.orderId),
          args: [input],
          // As the API starts them when it exports no traces (its default).
          ...sagaStartOptions(false),
        });
        return body(handle);
      },
      observers,
    );
  }

  async teardown(): Promise<void> {
    await this.env.teardown();
  }
}

const quietLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

let orders = 0;
export function sagaInput(overrides: Partial<OrderSagaInput> = {}): OrderSagaInput {
  orders += 1;
  const { cardToken, paymentMethodId, ...rest } = overrides;
  return {
    orderId: `o-${Date.now().toString(36)}-${orders}`,
    customerId: 'c-1',
    lines: [{ productId: 'p-1', quantity: 2, unitPrice: { amount: 1250, currency: 'EUR' } }],
    ...rest,
    ...(paymentMethodId === undefined ? { cardToken: cardToken ?? 'tok_visa' } : { paymentMethodId }),
  };
}
