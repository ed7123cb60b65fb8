import { seededRandom } from '../support/seeded-random.js';
import type { ChaosOptions, Fault } from './options.js';

export interface ChaosProduct {
  readonly id: string;
  readonly unitPrice: number;
  readonly stocked: number;
}

export interface PlannedOrder {
  readonly index: number;
  readonly idempotencyKey: string;
  // Milliseconds after the load begins.
  readonly dueMs: number;
  readonly body: {
    readonly customerId: string;
    readonly cardToken: string;
    readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
  };
  // Cancelled by its customer this long after the 202; `sameConnection`: at once, on the connection the
  // 202 came on.
  readonly cancel: { readonly afterMs: number; readonly sameConnection: boolean } | null;
  // Sent again with the same key this long after the 202, as a client that lost the answer would.
  readonly resendAfterMs: number | null;
}

export interface PlannedFault {
  readonly fault: Fault;
  readonly atMs: number;
}

export interface ChaosPlan {
  readonly customerId: string;
  readonly products: readonly ChaosProduct[];
  readonly scarce: ChaosProduct;
  readonly orders: readonly PlannedOrder[];
  readonly faults: readonly PlannedFault[];
}

const PLENTIFUL = [
  { id: 'chaos-keyboard', unitPrice: 4_999 },
  { id: 'chaos-mouse', unitPrice: 1_999 },
  { id: 'chaos-cable', unitPrice: 899 },
];
// Enough for about a third of the orders that ask for it: the others are refused for stock.
const SCARCE = { id: 'chaos-lamp', unitPrice: 3_500 };

// What the run will do, drawn from the seed: the orders (about 10% with a card the gateway declines, 12%
// asking for the scarce product; 5% cancelled by their customer, half of them at once, and 5% sent
// again) and when each fault strikes (once each, in a seeded order, one in each equal slice of the load).
export function planRun(options: ChaosOptions, runId: string): ChaosPlan {
  const random = seededRandom(options.seed);
  const customerId = `chaos-${runId}`;
  const products = PLENTIFUL.map((product) => ({ ...product, stocked: options.orders * 2 }));
  const scarceOrders = Math.round(options.orders * 0.12);
  const scarce = { ...SCARCE, stocked: Math.max(1, Math.floor(scarceOrders / 3)) };
  const interval = 1_000 / options.rate;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const orders = Array.from({ length: options.orders }, (_, index): PlannedOrder => {
    const cardToken = random() < 0.1 ? 'tok_decline' : 'tok_visa';
    const first = pick(products);
    const second = pick(products);
    const lines = [{ productId: first.id, quantity: 1 + Math.floor(random() * 2) }];
    if (second.id !== first.id && random() < 0.5) lines.push({ productId: second.id, quantity: 1 });
    if (random() < 0.12) lines.push({ productId: scarce.id, quantity: 1 });
    // One order in twenty of each, spread evenly, so that a short run has its share too.
    const sameConnection = Math.floor(index / 20) % 2 === 0;
    const delayMs = Math.round(random() * 500);
    const cancel = index % 20 === 3 ? { afterMs: sameConnection ? 0 : delayMs, sameConnection } : null;
    const resendAfterMs = index % 20 === 13 ? 2_000 + Math.round(random() * 8_000) : null;
    return {
      index,
      idempotencyKey: `${customerId}-${index}`,
      dueMs: Math.round(index * interval),
      body: { customerId, cardToken, lines },
      cancel,
      resendAfterMs,
    };
  });
  const loadMs = options.orders * interval;
  const shuffled = [...options.faults];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as Fault, shuffled[i] as Fault];
  }
  const faults = shuffled.map((fault, slot) => ({
    fault,
    atMs: Math.round((loadMs * (slot + 0.15 + 0.5 * random())) / shuffled.length),
  }));
  return { customerId, products, scarce, orders, faults };
}
