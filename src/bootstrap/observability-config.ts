import type { LogFormat } from '../adapters/observability/logger.js';
import { ConfigError } from './config.js';

// The settings of metrics, traces and logs, read from the environment once at start like config.ts.
export interface ObservabilityConfig {
  // pretty for a developer's terminal, json for a log collector; json by default when NODE_ENV=production.
  readonly logFormat: LogFormat;
  // Where the worker serves GET /metrics (on HOST); 0 picks a free port, which the worker logs.
  readonly workerMetricsPort: number;
  // Where the API serves GET /metrics (on HOST), apart from its public port; 0 picks a free port.
  readonly apiMetricsPort: number;
  // OTLP/HTTP endpoint of a trace collector (OTEL_EXPORTER_OTLP_ENDPOINT); null: no tracing.
  readonly otlpEndpoint: string | null;
  // A saga still open this long after it started counts as stuck (order_saga_sagas_stuck).
  readonly sagaStuckAfterSeconds: number;
  // An order waiting for shipment counts as due once its deadline is this close (default a day).
  readonly shipmentDueWithinSeconds: number;
}

export function loadObservabilityConfig(env: NodeJS.ProcessEnv = process.env): ObservabilityConfig {
  const problems: string[] = [];
  const read = (name: string) => env[name]?.trim() ?? '';
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const value = read(name) || String(fallback);
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
    }
    return n;
  };

  const format = read('LOG_FORMAT') || (read('NODE_ENV') === 'production' ? 'json' : 'pretty');
  if (format !== 'json' && format !== 'pretty')
    problems.push(`LOG_FORMAT must be json or pretty, got ${format}`);
  const endpoint = read('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (endpoint !== '' && !/^https?:\/\/[^/\s]+/.test(endpoint)) {
    problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got ${endpoint}`);
  }
  const config: ObservabilityConfig = {
    logFormat: format === 'json' ? 'json' : 'pretty',
    workerMetricsPort: whole('WORKER_METRICS_PORT', 9464, 0, 65_535),
    apiMetricsPort: whole('API_METRICS_PORT', 9465, 0, 65_535),
    otlpEndpoint: endpoint === '' ? null : endpoint,
    sagaStuckAfterSeconds: whole('SAGA_STUCK_AFTER_SECONDS', 600, 1, 7 * 24 * 3600),
    shipmentDueWithinSeconds: whole('SHIPMENT_DUE_WITHIN_SECONDS', 24 * 3600, 1, 365 * 24 * 3600),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
