import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServerOptions {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
  // More exposition text from another source, appended as it is (the Temporal SDK's metrics).
  readonly more?: () => Promise<string>;
  readonly onError: (error: unknown) => void;
}

export interface MetricsServer {
  readonly url: string;
  close(): Promise<void>;
}

// GET /metrics for a process that has no HTTP server of its own (the worker). node:http is enough for
// one read-only route.
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const { registry, more, onError } = options;
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    void exposition(registry, more, onError).then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => {
        onError(error);
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// The extra source failing costs its own metrics, not the scrape.
async function exposition(
  registry: Registry,
  more: (() => Promise<string>) | undefined,
  onError: (error: unknown) => void,
): Promise<string> {
  const own = await registry.metrics();
  if (more === undefined) return own;
  const extra = await more().catch((error: unknown) => {
    onError(error);
    return '';
  });
  return extra === '' ? own : `${own.trimEnd()}\n${extra}`;
}
