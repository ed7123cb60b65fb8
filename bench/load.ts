import { performance } from 'node:perf_hooks';
import { seededRandom } from '../test/support/seeded-random.js';
import type { RunCatalogue } from './catalogue.js';
import type { Outcome } from './options.js';
import { benchCustomerHeaders } from './session.js';

export interface SentOrder {
  readonly index: number;
  readonly outcome: Outcome;
  readonly productId: string;
  readonly quantity: number;
  // Counted in the figures: sent after the warm-up.
  readonly measured: boolean;
  // From the moment the request was due (not sent: an open loop late to send is part of the latency).
  acceptMs: number | null;
  status: number | null;
  orderId: string | null;
  error: string | null;
}

export interface Arrivals {
  readonly rate: number;
  readonly warmupS: number;
  readonly durationS: number;
  readonly mix: Readonly<Record<Outcome, number>>;
  readonly seed: number;
}

const CARD: Record<Outcome, string> = { confirmed: 'tok_visa', declined: 'tok_decline', noStock: 'tok_visa' };

// Open loop: order i is sent at i / rate seconds whether or not earlier ones were answered, so a slow
// system queues instead of slowing the load down. `onMeasuring` is called when the first measured order
// is due, just before it is sent.
export async function driveOrders(
  baseUrl: string,
  customerId: string,
  catalogue: RunCatalogue,
  arrivals: Arrivals,
  onMeasuring: () => void = () => undefined,
): Promise<{ orders: SentOrder[]; maxSendLagMs: number }> {
  const total = Math.round(arrivals.rate * (arrivals.warmupS + arrivals.durationS));
  const orders = plan(total, catalogue, arrivals);
  const interval = 1_000 / arrivals.rate;
  const start = performance.now() + 50;
  const answers: Promise<void>[] = [];
  const customer = await benchCustomerHeaders(customerId);
  let maxSendLagMs = 0;
  const firstMeasured = orders.find((order) => order.measured);
  for (const order of orders) {
    const due = start + order.index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - due);
    if (order === firstMeasured) onMeasuring();
    answers.push(send(baseUrl, customerId, customer, order, due));
  }
  await Promise.all(answers);
  return { orders, maxSendLagMs };
}

function plan(total: number, catalogue: RunCatalogue, arrivals: Arrivals): SentOrder[] {
  const random = seededRandom(arrivals.seed);
  const parts = arrivals.mix;
  const sum = parts.confirmed + parts.declined + parts.noStock;
  const warmupOrders = Math.round(arrivals.rate * arrivals.warmupS);
  return Array.from({ length: total }, (_, index) => {
    const draw = random() * sum;
    const outcome: Outcome =
      draw < parts.confirmed ? 'confirmed' : draw < parts.confirmed + parts.declined ? 'declined' : 'noStock';
    const stocked = catalogue.stocked[Math.floor(random() * catalogue.stocked.length)] ?? catalogue.scarce;
    const productId = outcome === 'noStock' ? catalogue.scarce : stocked;
    const quantity = outcome === 'noStock' ? 2 : 1;
    return {
      index,
      outcome,
      productId,
      quantity,
      measured: index >= warmupOrders,
      acceptMs: null,
      status: null,
      orderId: null,
      error: null,
    };
  });
}

async function send(
  baseUrl: string,
  customerId: string,
  customer: Record<string, string>,
  order: SentOrder,
  due: number,
): Promise<void> {
  try {
    const answer = await fetch(`${baseUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...customer },
      body: JSON.stringify({
        customerId,
        cardToken: CARD[order.outcome],
        lines: [{ productId: order.productId, quantity: order.quantity }],
      }),
    });
    const body = (await answer.json()) as { orderId?: string };
    order.acceptMs = performance.now() - due;
    order.status = answer.status;
    order.orderId = answer.status === 202 ? (body.orderId ?? null) : null;
    if (answer.status !== 202) order.error = JSON.stringify(body).slice(0, 300);
  } catch (error) {
    order.acceptMs = performance.now() - due;
    order.error = error instanceof Error ? error.message : String(error);
  }
}
