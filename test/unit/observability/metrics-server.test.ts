import { Counter, Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type MetricsServer,
  startMetricsServer,
} from '../../../src/adapters/observability/metrics-server.js';
import { familiesOf } from '../../support/prometheus-text.js';

describe("the worker's metrics server", () => {
  let server: MetricsServer | undefined;
  afterEach(() => server?.close());

  async function serve(more?: () => Promise<string>) {
    const registry = new Registry();
    new Counter({ name: 'order_saga_things_total', help: 'Things.', registers: [registry] }).inc(3);
    const errors: unknown[] = [];
    server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      registry,
      more,
      onError: (e) => errors.push(e),
    });
    return { url: server.url, errors };
  }

  it("serves the registry's metrics with another source's appended", async () => {
    const { url } = await serve(async () => '# TYPE temporal_request counter\ntemporal_request 7\n');

    const answer = await fetch(url);
    const text = await answer.text();

    expect(answer.headers.get('content-type')).toContain('text/plain');
    expect(text).toContain('order_saga_things_total 3');
    expect(text).toContain('temporal_request 7');
    expect(familiesOf(text)).toEqual(new Set(['order_saga_things_total', 'temporal_request']));
  });

  it('still serves its own metrics when the other source fails, and says so', async () => {
    const { url, errors } = await serve(async () => {
      throw new Error('SDK exporter down');
    });

    const answer = await fetch(url);

    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('order_saga_things_total 3');
    expect(errors).toHaveLength(1);
  });

  it('answers 404 anywhere but GET /metrics', async () => {
    const { url } = await serve();

    expect((await fetch(new URL('/other', url))).status).toBe(404);
  });
});
