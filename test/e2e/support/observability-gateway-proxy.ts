import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The payment gateway simulator behind a proxy that refuses, for good, to capture or give back the
// money of orders of one amount: their capture is refused (the saga compensates) and so is the void
// (the compensation fails at once, non-retryable, and the saga enters COMPENSATION_FAILED). A real
// compensation failure on the real stack in seconds, where an outage would take 50 minutes of retries.
export class RefusingGatewayProxy {
  private readonly doomed = new Set<string>();
  private readonly server: Server;
  private readonly target: string;
  private readonly doomedAmount: number;

  private constructor(target: string, doomedAmount: number) {
    this.target = target;
    this.doomedAmount = doomedAmount;
    this.server = createServer((request, response) => {
      void this.handle(request).then(
        ({ status, body }) => response.writeHead(status, { 'content-type': 'application/json' }).end(body),
        (error: unknown) => response.writeHead(502).end(String(error)),
      );
    });
  }

  // Listens on a free loopback port and answers with its base URL, the worker's PAYMENT_GATEWAY_URL.
  static async start(
    target: string,
    doomedAmount: number,
  ): Promise<{ proxy: RefusingGatewayProxy; url: string }> {
    const proxy = new RefusingGatewayProxy(target, doomedAmount);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return { proxy, url: `http://127.0.0.1:${(proxy.server.address() as AddressInfo).port}` };
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage) {
    const body = await read(request);
    const action = /^\/v1\/authorizations\/([^/]+)\/(capture|void|refunds)$/.exec(request.url ?? '');
    if (request.method === 'POST' && action?.[1] !== undefined && this.doomed.has(action[1])) {
      const error = { code: 'invalid_request', message: `the test's proxy refuses to ${action[2]}` };
      return { status: 409, body: JSON.stringify({ error }) };
    }
    const answer = await fetch(new URL(request.url ?? '/', this.target), {
      method: request.method,
      headers: forwarded(request),
      body: request.method === 'GET' ? undefined : body,
    });
    const text = await answer.text();
    if (request.url === '/v1/authorizations' && answer.status === 201) {
      const hold = JSON.parse(text) as { id: string; amount: number };
      if (hold.amount === this.doomedAmount) this.doomed.add(hold.id);
    }
    return { status: answer.status, body: text };
  }
}

function forwarded(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ['content-type', 'idempotency-key']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}
