import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/bootstrap/config.js';
import { loadObservabilityConfig } from '../../../src/bootstrap/observability-config.js';

describe('observability settings', () => {
  it('defaults to pretty logs, metrics on 9464, no tracing, stuck after ten minutes', () => {
    expect(loadObservabilityConfig({})).toEqual({
      logFormat: 'pretty',
      workerMetricsPort: 9464,
      apiMetricsPort: 9465,
      otlpEndpoint: null,
      sagaStuckAfterSeconds: 600,
      shipmentDueWithinSeconds: 86_400,
    });
  });

  it('logs JSON in production unless told otherwise', () => {
    expect(loadObservabilityConfig({ NODE_ENV: 'production' }).logFormat).toBe('json');
    expect(loadObservabilityConfig({ NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).logFormat).toBe(
      'pretty',
    );
  });

  it('takes an OTLP endpoint and port 0 (any free port)', () => {
    const config = loadObservabilityConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      WORKER_METRICS_PORT: '0',
    });
    expect(config).toMatchObject({ otlpEndpoint: 'http://127.0.0.1:4318', workerMetricsPort: 0 });
  });

  it('names every malformed setting at once', () => {
    const load = () =>
      loadObservabilityConfig({
        LOG_FORMAT: 'xml',
        WORKER_METRICS_PORT: '70000',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
        SAGA_STUCK_AFTER_SECONDS: '0',
      });
    expect(load).toThrow(ConfigError);
    for (const name of [
      'LOG_FORMAT',
      'WORKER_METRICS_PORT',
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'SAGA_STUCK_AFTER_SECONDS',
    ]) {
      expect(load).toThrow(name);
    }
  });
});
