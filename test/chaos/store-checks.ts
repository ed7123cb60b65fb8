import { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import { MongoClient } from 'mongodb';
import { ORDER_STATUS } from '../../src/adapters/temporal/workflows/search-attributes.js';
import { isResting } from '../support/saga-completions.js';
import type { OrderTrace } from './careful-client.js';
import type { ChaosPlan } from './plan.js';

export interface Violation {
  readonly kind: string;
  // The order, product or idempotency key it is about.
  readonly subject: string;
  readonly detail: string;
  // For an order: when it was accepted, in seconds after the load began, to set beside the faults' times.
  readonly acceptedAtS?: number;
  // What its customer did besides placing it (a cancel, the order sent again), if anything.
  readonly customer?: string;
}

export interface StoredOrder {
  readonly id: string;
  readonly status: string;
  readonly failureCode: string | null;
  readonly failureReason: string | null;
  readonly total: number;
  readonly lines: { productId: string; quantity: number }[];
}

export interface ProductFigures {
  readonly productId: string;
  readonly stocked: number;
  readonly available: number;
  readonly reserved: number;
  readonly committed: number;
  readonly held: number;
  readonly sold: number;
}

export interface StoreFindings {
  readonly orders: Map<string, StoredOrder>;
  readonly products: ProductFigures[];
  readonly violations: Violation[];
}

// The error taxonomy's codes (STOCK.INSUFFICIENT, TRANSIENT.DEPENDENCY_UNAVAILABLE...): anything else is
// an error that escaped it.
const STABLE_CODE = /^[A-Z]+(_[A-Z]+)*\.[A-Z]+(_[A-Z]+)*$/;

interface LedgerEntry {
  readonly type: 'authorization' | 'capture' | 'void' | 'refund';
  readonly authorizationId: string;
  readonly orderId: string;
  readonly amount: number;
}

// After the run has settled, what the stores themselves hold (PostgreSQL, FerretDB, the gateway's ledger,
// Temporal's visibility), set against what the clients were told, and what the API answers about it.
export async function checkStores(parts: {
  plan: ChaosPlan;
  traces: readonly OrderTrace[];
  databaseUrl: string;
  mongodbUrl: string;
  simulatorUrl: string;
  temporal: Client;
  taskQueue: string;
  baseUrl: string;
  customer: Record<string, string>;
}): Promise<StoreFindings> {
  const { plan, traces } = parts;
  const violations: Violation[] = [];
  const add = (kind: string, subject: string, detail: string) => violations.push({ kind, subject, detail });
  const accepted = traces.filter((trace) => trace.orderId !== null);
  const { orders, keys } = await readPostgres(parts.databaseUrl, plan.customerId);

  const keysOfOrder = new Map<string, string[]>();
  for (const [key, orderId] of keys)
    if (orderId !== null) keysOfOrder.set(orderId, [...(keysOfOrder.get(orderId) ?? []), key]);
  for (const trace of traces) {
    const key = trace.planned.idempotencyKey;
    if (trace.gaveUp) add('never accepted', key, `no final answer after ${trace.attempts.count} attempts`);
    if (trace.refusal !== null)
      add('refused', key, `a valid order answered ${trace.refusal.status} ${trace.refusal.code}`);
    if (trace.orderId === null) continue;
    const kept = keys.get(key);
    if (kept === undefined)
      add('one order per key', key, `answered ${trace.orderId}, but idempotency_keys has no row`);
    else if (kept !== trace.orderId)
      add('one order per key', key, `answered ${trace.orderId}, but idempotency_keys holds ${kept}`);
    if (trace.resend !== null && trace.resend.orderId !== trace.orderId)
      add(
        'one order per key',
        key,
        `sent again, answered ${trace.resend.orderId} instead of ${trace.orderId}`,
      );
    if (trace.cancel?.answer === 'NOT_FOUND')
      add('cancel of an accepted order', trace.orderId, 'POST /orders/{id}/cancel answered 404');
  }
  for (const [orderId, ofKeys] of keysOfOrder)
    if (ofKeys.length > 1)
      add('one order per key', orderId, `the order of ${ofKeys.length} keys: ${ofKeys.join(', ')}`);
  for (const order of orders.values())
    if (!keysOfOrder.has(order.id))
      add('one order per key', order.id, 'stored order that no key of the run names');

  for (const trace of accepted) {
    const id = trace.orderId ?? '';
    const order = orders.get(id);
    if (order === undefined) add('accepted order not stored', id, 'answered 202, no row in PostgreSQL');
    else if (order.status !== 'CONFIRMED' && order.status !== 'CANCELLED')
      add('order not over', id, `stored ${order.status}`);
    else if (order.status === 'CANCELLED' && order.failureCode === null)
      add('cancelled without a reason', id, 'CANCELLED with no failure code');
    else if (order.status === 'CANCELLED' && !STABLE_CODE.test(order.failureCode ?? ''))
      add('cancelled without a reason', id, `code ${order.failureCode}: ${order.failureReason}`);
    else if (order.status === 'CONFIRMED' && trace.planned.body.cardToken === 'tok_decline')
      add('declined card confirmed', id, 'CONFIRMED although the card is declined');
  }

  const products = await readStock(parts.mongodbUrl, plan, orders);
  for (const p of products) {
    if (p.available + p.reserved + p.committed !== p.stocked)
      add(
        'stock not conserved',
        p.productId,
        `available ${p.available} + reserved ${p.reserved} + committed ${p.committed} != stocked ${p.stocked}`,
      );
    if (p.reserved !== 0 || p.held !== 0)
      add(
        'stock left reserved',
        p.productId,
        `reservedStock ${p.reserved}, ${p.held} units in HELD reservations`,
      );
    if (p.committed !== p.sold)
      add(
        'committed stock != sold',
        p.productId,
        `committed ${p.committed}, CONFIRMED orders hold ${p.sold}`,
      );
  }

  await checkLedger(parts.simulatorUrl, accepted, orders, add);
  await checkSagas(parts.temporal, parts.taskQueue, accepted, add);
  await checkApi(parts.baseUrl, parts.customer, accepted, orders, add);
  return { orders, products, violations };
}

async function readPostgres(databaseUrl: string, customerId: string) {
  const orm = await MikroORM.init({
    clientUrl: databaseUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  try {
    const connection = orm.em.getConnection();
    const rows = await connection.execute<
      {
        id: string;
        status: string;
        failure_code: string | null;
        failure_reason: string | null;
        total_amount: string;
      }[]
    >('select id, status, failure_code, failure_reason, total_amount from orders where customer_id = ?', [
      customerId,
    ]);
    const lines = await connection.execute<{ order_id: string; product_id: string; quantity: string }[]>(
      'select l.order_id, l.product_id, l.quantity from order_lines l join orders o on o.id = l.order_id where o.customer_id = ?',
      [customerId],
    );
    const keyRows = await connection.execute<
      { key: string; resource_id: string | null; response: { orderId?: string } | null }[]
    >("select key, resource_id, response from idempotency_keys where scope = 'orders' and key like ?", [
      `${customerId}-%`,
    ]);
    const orders = new Map<string, StoredOrder>();
    for (const row of rows)
      orders.set(row.id, {
        id: row.id,
        status: row.status,
        failureCode: row.failure_code,
        failureReason: row.failure_reason,
        total: Number(row.total_amount),
        lines: [],
      });
    for (const line of lines)
      orders.get(line.order_id)?.lines.push({ productId: line.product_id, quantity: Number(line.quantity) });
    // The order a key stands for: fixed when the key is claimed, before the order is placed.
    const keys = new Map(keyRows.map((row) => [row.key, row.resource_id ?? row.response?.orderId ?? null]));
    return { orders, keys };
  } finally {
    await orm.close(true);
  }
}

async function readStock(
  mongodbUrl: string,
  plan: ChaosPlan,
  orders: ReadonlyMap<string, StoredOrder>,
): Promise<ProductFigures[]> {
  const client = new MongoClient(mongodbUrl, { serverSelectionTimeoutMS: 10_000 });
  try {
    const products = client.db().collection<{
      productId: string;
      availableStock: number;
      reservedStock: number;
      committedStock: number;
      reservations?: { orderId: string; quantity: number; status: string }[];
    }>('products');
    const confirmed = [...orders.values()].filter((order) => order.status === 'CONFIRMED');
    const figures: ProductFigures[] = [];
    for (const product of [...plan.products, plan.scarce]) {
      const document = await products.findOne({ productId: product.id });
      const held = (document?.reservations ?? [])
        .filter((reservation) => reservation.status === 'HELD')
        .reduce((sum, reservation) => sum + reservation.quantity, 0);
      const sold = confirmed
        .flatMap((order) => order.lines)
        .filter((line) => line.productId === product.id)
        .reduce((sum, line) => sum + line.quantity, 0);
      figures.push({
        productId: product.id,
        stocked: product.stocked,
        available: document?.availableStock ?? 0,
        reserved: document?.reservedStock ?? 0,
        committed: document?.committedStock ?? 0,
        held,
        sold,
      });
    }
    return figures;
  } finally {
    await client.close();
  }
}

// What the gateway kept of each order (captures less refunds) is its total if it is CONFIRMED, else
// nothing; and no hold is left on a card, neither captured nor voided.
async function checkLedger(
  simulatorUrl: string,
  accepted: readonly OrderTrace[],
  orders: ReadonlyMap<string, StoredOrder>,
  add: (kind: string, subject: string, detail: string) => void,
): Promise<void> {
  const answer = await fetch(`${simulatorUrl}/v1/ledger`);
  if (!answer.ok) throw new Error(`GET /v1/ledger: ${answer.status}`);
  const entries = ((await answer.json()) as { data: LedgerEntry[] }).data;
  const net = new Map<string, number>();
  const holds = new Map<string, { orderId: string; settled: boolean }>();
  for (const entry of entries) {
    const sign = entry.type === 'capture' ? 1 : entry.type === 'refund' ? -1 : 0;
    net.set(entry.orderId, (net.get(entry.orderId) ?? 0) + sign * entry.amount);
    const hold = holds.get(entry.authorizationId) ?? { orderId: entry.orderId, settled: false };
    holds.set(entry.authorizationId, { ...hold, settled: hold.settled || entry.type !== 'authorization' });
  }
  for (const trace of accepted) {
    const id = trace.orderId ?? '';
    const order = orders.get(id);
    const expected = order?.status === 'CONFIRMED' ? order.total : 0;
    const charged = net.get(id) ?? 0;
    if (charged !== expected)
      add('gateway ledger', id, `nets ${charged}, expected ${expected} (${order?.status ?? 'no row'})`);
  }
  for (const [authorizationId, hold] of holds)
    if (!hold.settled)
      add('hold left on the card', hold.orderId, `${authorizationId} neither captured nor voided`);
}

async function checkSagas(
  temporal: Client,
  taskQueue: string,
  accepted: readonly OrderTrace[],
  add: (kind: string, subject: string, detail: string) => void,
): Promise<void> {
  const statuses = new Map<string, string>();
  const resting = new Set<string>();
  for await (const execution of temporal.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
    statuses.set(execution.workflowId, execution.status.name);
    // A confirmed order waits for the warehouse (days): its saga rests, open, and that is an end too.
    if (isResting(execution.typedSearchAttributes.get(ORDER_STATUS))) resting.add(execution.workflowId);
  }
  for (const trace of accepted) {
    const id = `order-${trace.orderId}`;
    const status = statuses.get(id);
    if (status === undefined) add('saga missing', trace.orderId ?? '', 'no workflow in Temporal');
    else if (resting.has(id)) continue;
    else if (status === 'RUNNING')
      add('saga still open', trace.orderId ?? '', 'still RUNNING at the deadline');
    else if (status !== 'COMPLETED') add('saga did not complete', trace.orderId ?? '', `workflow ${status}`);
  }
}

async function checkApi(
  baseUrl: string,
  customer: Record<string, string>,
  accepted: readonly OrderTrace[],
  orders: ReadonlyMap<string, StoredOrder>,
  add: (kind: string, subject: string, detail: string) => void,
): Promise<void> {
  for (const trace of accepted) {
    const id = trace.orderId ?? '';
    const answer = await fetch(`${baseUrl}/orders/${id}`, { headers: customer });
    const body = (await answer.json()) as { status?: string; code?: string };
    const stored = orders.get(id)?.status ?? 'no row';
    const told = answer.ok ? (body.status ?? '?') : `HTTP ${answer.status} ${body.code ?? ''}`.trim();
    if (told !== stored) add('API disagrees with the store', id, `GET says ${told}, PostgreSQL ${stored}`);
  }
}
