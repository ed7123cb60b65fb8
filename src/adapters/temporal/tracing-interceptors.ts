import { fileURLToPath } from 'node:url';
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

// Temporal's OpenTelemetry interceptors carry the trace from the client that starts a saga, through the
// workflow, to each activity: one trace per order. In the workflow sandbox they run only for a saga
// started traced (workflows/workflow-tracing.ts, which every worker bundles and which decides by the
// saga's memo), since they are not free: they build every span and are imported for each new saga
// (about a third of the workflow thread's time in the bench, bench/README.md). A bundle prebuilt for
// production must include this module (bundleWorkflowCode's workflowInterceptorModules).
export const workflowInterceptorModules = [
  fileURLToPath(new URL('./workflows/workflow-tracing.ts', import.meta.url)),
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
