import { createServer } from 'node:net';

// The Temporal SDK exports its own worker metrics (task slots, poll and schedule-to-start latencies,
// activity and workflow task failures) only through an exporter of its own. It listens on a loopback
// port of its own here, and the worker's /metrics appends what it says, so Prometheus scrapes one
// endpoint per worker. Its metric names all start with temporal_, ours with order_saga_ or are
// prom-client's process_/nodejs_ defaults: no family is exposed twice.
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free loopback port');
  return address.port;
}

export function sdkPrometheusExporter(port: number) {
  return { prometheus: { bindAddress: `127.0.0.1:${port}` } };
}

export async function scrapeSdkMetrics(port: number, timeoutMs: number): Promise<string> {
  const answer = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!answer.ok) throw new Error(`Temporal SDK metrics answered HTTP ${answer.status}`);
  return answer.text();
}
