import { createRequire } from 'node:module';
import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ClientInterceptors } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';

const require = createRequire(import.meta.url);

// Temporal's OpenTelemetry interceptors carry the trace from the client that starts a saga, through the
// workflow, to each activity: one trace per order. They are always installed, tracing on or off, so
// the workflow code (and a prebuilt bundle) is the same either way; off, their spans go nowhere.
// They are not free: in the sandbox they build every span and are imported for each new saga (about a
// third of the workflow thread's time in the bench, bench/README.md). Yet they cannot be dropped from a
// running fleet: replaying a saga that received an update without them fails (TMPRL1100 on
// test/workflow/histories/compensation-failed-retried.json), since they change how update handlers run.
// A bundle prebuilt for production must include these modules (bundleWorkflowCode's
// workflowInterceptorModules).
export const workflowInterceptorModules = [
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

export interface SpanSink {
  readonly spanProcessor: SpanProcessor;
  readonly resource: Resource;
}

// What a worker needs: the interceptors, and the sink through which the workflow sandbox (which has no
// exporter) hands its spans to the worker's span processor.
export function workerTracing(spans: SpanSink) {
  return {
    interceptors: {
      workflowModules: workflowInterceptorModules,
      activity: [
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          // Puts the trace and span ids on every activity log line.
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    } satisfies WorkerOptions['interceptors'],
    sinks: { exporter: makeWorkflowExporter(spans.spanProcessor, spans.resource) },
  };
}

// For the Temporal client of a process that starts sagas (the API): the saga's trace continues the
// caller's, e.g. the HTTP request's.
export function clientTracingInterceptors(): ClientInterceptors {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}
