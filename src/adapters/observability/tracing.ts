import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  NoopSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  readonly serviceName: string;
  // Where spans go by OTLP/HTTP, e.g. http://127.0.0.1:4318; null turns tracing off.
  readonly otlpEndpoint: string | null;
  // Instead of OTLP, e.g. an in-memory exporter in a test; spans are then exported one by one.
  readonly exporter?: SpanExporter;
}

export interface Tracing {
  readonly enabled: boolean;
  // Also takes the workflow's spans, which Temporal hands over through a sink (worker only).
  readonly spanProcessor: SpanProcessor;
  readonly resource: Resource;
  // Sends the spans still buffered, and puts the global OpenTelemetry API back to no-op.
  shutdown(): Promise<void>;
}

// Off unless an endpoint (or exporter) is given: the OpenTelemetry API then stays a no-op, and every
// span the code and Temporal's interceptors start costs next to nothing.
export function startTracing(options: TracingOptions): Tracing {
  const resource = new Resource({ 'service.name': options.serviceName });
  const exporter = options.exporter ?? otlpExporter(options.otlpEndpoint);
  if (exporter === null) {
    return { enabled: false, spanProcessor: new NoopSpanProcessor(), resource, shutdown: async () => {} };
  }
  const spanProcessor =
    options.exporter === undefined ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  // Registers the provider, the W3C trace-context propagator and an AsyncLocalStorage context manager.
  provider.register();
  return {
    enabled: true,
    spanProcessor,
    resource,
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

function otlpExporter(endpoint: string | null): SpanExporter | null {
  if (endpoint === null) return null;
  return new OTLPTraceExporter({
    url: new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href,
  });
}
