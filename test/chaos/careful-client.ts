import { Agent, type IncomingHttpHeaders, request } from 'node:http';
import type { PlannedOrder } from './plan.js';

interface HttpAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: IncomingHttpHeaders;
  // The client's end of the connection, to tell whether two requests shared one.
  readonly localPort: number | undefined;
}

export interface Attempts {
  count: number;
  // Why attempts failed, counted: 'HTTP 503 TRANSIENT.DATABASE_UNAVAILABLE', 'ECONNREFUSED', 'timeout'...
  readonly failures: Record<string, number>;
}

export interface OrderTrace {
  readonly planned: PlannedOrder;
  readonly attempts: Attempts;
  orderId: string | null;
  // The API address that answered the 202.
  acceptedBy: string | null;
  acceptedAtMs: number | null;
  // A final answer other than 202 (a 4xx): the order was refused, not accepted.
  refusal: { status: number; code: string } | null;
  // Still not accepted when the client stopped trying.
  gaveUp: boolean;
  cancel: {
    readonly attempts: Attempts;
    answer: 'REQUESTED' | 'TOO_LATE' | 'NOT_FOUND' | 'GAVE_UP' | string;
    sameConnection: boolean | null;
  } | null;
  resend: { readonly attempts: Attempts; orderId: string | null; replayed: boolean } | null;
}

const REQUEST_TIMEOUT_MS = 10_000;
const GIVE_UP_AFTER_MS = 180_000;
const shared = new Agent({ keepAlive: true });

// The API addresses a client was given, as an SDK user lists a service's endpoints: it starts at one
// and moves to the next when a request gets no HTTP answer at all (refused, reset, timed out), the way
// a load balancer stops sending to a dead instance. With one address it keeps trying that one.
class Route {
  private at: number;

  constructor(
    private readonly baseUrls: readonly string[],
    start: number,
  ) {
    this.at = start % baseUrls.length;
  }

  get baseUrl(): string {
    return this.baseUrls[this.at] as string;
  }

  next(): void {
    this.at = (this.at + 1) % this.baseUrls.length;
  }
}

// A customer's client that does what a careful one should: every order with an Idempotency-Key, sent
// again with the same key after an error or a timeout until it gets a final answer (to the next API
// address when the request got no answer); some cancelled right after their 202 (some at once on the
// connection that brought it), some sent again later. Orders are spread over the addresses in turn.
export async function placeCarefully(
  baseUrls: readonly string[],
  customer: Record<string, string>,
  order: PlannedOrder,
  clock: () => number,
) {
  const route = new Route(baseUrls, order.index);
  const trace: OrderTrace = {
    planned: order,
    attempts: newAttempts(),
    orderId: null,
    acceptedBy: null,
    acceptedAtMs: null,
    refusal: null,
    gaveUp: false,
    cancel: null,
    resend: null,
  };
  const own = order.cancel?.sameConnection === true ? new Agent({ keepAlive: true, maxSockets: 1 }) : shared;
  try {
    const placed = await untilFinal(trace.attempts, route, () => post(own, route.baseUrl, customer, order));
    if (placed === null) {
      trace.gaveUp = true;
      return trace;
    }
    if (placed.status !== 202) {
      trace.refusal = { status: placed.status, code: String(placed.body.code ?? '') };
      return trace;
    }
    trace.orderId = String(placed.body.orderId);
    trace.acceptedBy = route.baseUrl;
    trace.acceptedAtMs = clock();
    if (order.cancel !== null) await cancel(trace, route, customer, own, placed.localPort);
    if (order.resendAfterMs !== null) {
      await new Promise((resolve) => setTimeout(resolve, order.resendAfterMs ?? 0));
      const attempts = newAttempts();
      const again = await untilFinal(attempts, route, () => post(shared, route.baseUrl, customer, order));
      trace.resend = {
        attempts,
        orderId: again?.status === 202 ? String(again.body.orderId) : null,
        replayed: again?.headers['idempotent-replayed'] === 'true',
      };
    }
    return trace;
  } finally {
    if (own !== shared) own.destroy();
  }
}

async function cancel(
  trace: OrderTrace,
  route: Route,
  customer: Record<string, string>,
  agent: Agent,
  placedOn: number | undefined,
) {
  const planned = trace.planned.cancel;
  if (planned === null) return;
  if (planned.afterMs > 0) await new Promise((resolve) => setTimeout(resolve, planned.afterMs));
  const attempts = newAttempts();
  const answer = await untilFinal(attempts, route, () =>
    send(agent, `${route.baseUrl}/orders/${trace.orderId}/cancel`, 'POST', undefined, customer),
  );
  trace.cancel = {
    attempts,
    answer:
      answer === null
        ? 'GAVE_UP'
        : answer.status === 202
          ? 'REQUESTED'
          : answer.status === 409
            ? 'TOO_LATE'
            : answer.status === 404
              ? 'NOT_FOUND'
              : `HTTP ${answer.status} ${String(answer.body.code ?? '')}`,
    sameConnection: planned.sameConnection ? attempts.count === 1 && answer?.localPort === placedOn : null,
  };
}

// Sends until an answer is final (2xx or 4xx other than 408 and 429), backing off from 200 ms to 2 s,
// and to the route's next address after a request that got no answer; null once GIVE_UP_AFTER_MS have
// passed without one.
async function untilFinal(
  attempts: Attempts,
  route: Route,
  attempt: () => Promise<HttpAnswer>,
): Promise<HttpAnswer | null> {
  const deadline = Date.now() + GIVE_UP_AFTER_MS;
  for (let pause = 200; ; pause = Math.min(2_000, pause * 2)) {
    attempts.count++;
    const answer = await attempt().catch((error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      attempts.failures[reason] = (attempts.failures[reason] ?? 0) + 1;
      route.next();
      return null;
    });
    if (answer !== null) {
      const final = answer.status < 500 && answer.status !== 408 && answer.status !== 429;
      if (final) return answer;
      const reason = `HTTP ${answer.status} ${String(answer.body.code ?? '')}`.trim();
      attempts.failures[reason] = (attempts.failures[reason] ?? 0) + 1;
    }
    if (Date.now() + pause > deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function post(
  agent: Agent,
  baseUrl: string,
  customer: Record<string, string>,
  order: PlannedOrder,
): Promise<HttpAnswer> {
  const headers = { ...customer, 'idempotency-key': order.idempotencyKey };
  return send(agent, `${baseUrl}/orders`, 'POST', order.body, headers);
}

function send(
  agent: Agent,
  url: string,
  method: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const sent = request(
      url,
      {
        method,
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      },
      (response) => {
        const localPort = response.socket?.localPort;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let parsed: Record<string, unknown> = {};
          try {
            parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
          } catch {
            parsed = { text: text.slice(0, 200) };
          }
          resolve({
            status: response.statusCode ?? 0,
            body: parsed,
            headers: response.headers,
            localPort,
          });
        });
      },
    );
    sent.on('timeout', () => sent.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
    sent.on('error', reject);
    sent.end(payload);
  });
}

function newAttempts(): Attempts {
  return { count: 0, failures: {} };
}
