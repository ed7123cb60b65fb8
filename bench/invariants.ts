import type { RunCatalogue } from './catalogue.js';
import type { SentOrder } from './load.js';
import { benchCustomerHeaders } from './session.js';

export interface OrderRecord {
  readonly id: string;
  readonly status: string;
  readonly total: { amount: number; currency: string };
  readonly lines: readonly { productId: string; quantity: number }[];
  readonly failure: { code: string } | null;
}

interface LedgerEntry {
  readonly type: 'authorization' | 'capture' | 'void' | 'refund';
  readonly orderId: string;
  readonly amount: number;
}

export interface InvariantReport {
  readonly ok: boolean;
  readonly checked: { orders: number; products: number; ledgerEntries: number };
  readonly confirmedTotal: number;
  readonly netCharged: number;
  // Orders that ended otherwise than their card and stock asked for (say, cancelled after a transient
  // fault outlasted its retries): not a broken invariant, but worth a look.
  readonly unexpectedOutcomes: number;
  readonly violations: readonly string[];
}

// After a run has settled: every accepted order is over, stock is conserved with nothing left HELD, and
// what the gateway kept (captures less refunds) is exactly the confirmed orders' totals, order by order.
export async function checkInvariants(parts: {
  baseUrl: string;
  simulatorUrl: string;
  customerId: string;
  catalogue: RunCatalogue;
  sent: readonly SentOrder[];
  sagaDesign: boolean;
}): Promise<{ report: InvariantReport; orders: Map<string, OrderRecord> }> {
  const { baseUrl, catalogue, sent } = parts;
  const violations: string[] = [];
  const orders = await ordersOf(baseUrl, parts.customerId);
  const accepted = sent.filter((order) => order.orderId !== null);
  if (parts.sagaDesign) {
    const missing = accepted.filter((order) => !orders.has(order.orderId ?? ''));
    if (missing.length > 0) violations.push(`${missing.length} accepted orders not in the database`);
  }
  const open = [...orders.values()].filter(
    (order) => order.status !== 'CONFIRMED' && order.status !== 'CANCELLED',
  );
  if (open.length > 0)
    violations.push(`${open.length} orders not over: ${summary(open.map((o) => `${o.id} ${o.status}`))}`);

  const confirmed = [...orders.values()].filter((order) => order.status === 'CONFIRMED');
  for (const [productId, initial] of catalogue.initialStock) {
    const stock = await getJson<{ available: number; reserved: number; committed: number }>(
      `${baseUrl}/products/${productId}/stock`,
    );
    const sold = confirmed
      .flatMap((order) => order.lines)
      .filter((line) => line.productId === productId)
      .reduce((sum, line) => sum + line.quantity, 0);
    if (stock.reserved !== 0) violations.push(`${productId}: ${stock.reserved} units left HELD`);
    if (stock.available + stock.reserved + stock.committed !== initial)
      violations.push(`${productId}: stock not conserved (${JSON.stringify(stock)}, stocked ${initial})`);
    if (stock.committed !== sold) violations.push(`${productId}: ${stock.committed} committed, ${sold} sold`);
  }

  const ids = new Set(accepted.map((order) => order.orderId));
  const ledger = (await getJson<{ data: LedgerEntry[] }>(`${parts.simulatorUrl}/v1/ledger`)).data.filter(
    (entry) => ids.has(entry.orderId),
  );
  const net = new Map<string, number>();
  for (const entry of ledger) {
    const sign = entry.type === 'capture' ? 1 : entry.type === 'refund' ? -1 : 0;
    net.set(entry.orderId, (net.get(entry.orderId) ?? 0) + sign * entry.amount);
  }
  const wrongCharges = [...orders.values()].filter(
    (order) => (net.get(order.id) ?? 0) !== (order.status === 'CONFIRMED' ? order.total.amount : 0),
  );
  if (wrongCharges.length > 0)
    violations.push(
      `${wrongCharges.length} orders charged wrongly: ${summary(wrongCharges.map((o) => o.id))}`,
    );
  const confirmedTotal = confirmed.reduce((sum, order) => sum + order.total.amount, 0);
  const netCharged = [...net.values()].reduce((sum, amount) => sum + amount, 0);
  if (netCharged !== confirmedTotal)
    violations.push(`net charged ${netCharged} but confirmed orders total ${confirmedTotal}`);

  const unexpectedOutcomes = accepted.filter((order) => {
    const record = orders.get(order.orderId ?? '');
    return record !== undefined && (record.status === 'CONFIRMED') !== (order.outcome === 'confirmed');
  }).length;
  return {
    report: {
      ok: violations.length === 0,
      checked: { orders: orders.size, products: catalogue.initialStock.size, ledgerEntries: ledger.length },
      confirmedTotal,
      netCharged,
      unexpectedOutcomes,
      violations,
    },
    orders,
  };
}

async function ordersOf(baseUrl: string, customerId: string): Promise<Map<string, OrderRecord>> {
  const found = new Map<string, OrderRecord>();
  const customer = await benchCustomerHeaders(customerId);
  let cursor: string | null = null;
  do {
    const query: string = `customerId=${customerId}&limit=100${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = await getJson<{ items: OrderRecord[]; nextCursor: string | null }>(
      `${baseUrl}/orders?${query}`,
      customer,
    );
    for (const order of page.items) found.set(order.id, order);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
}

async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const answer = await fetch(url, { headers });
  if (!answer.ok) throw new Error(`GET ${url}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

function summary(items: readonly string[]): string {
  return items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', ');
}
