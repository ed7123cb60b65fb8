import type { Collection } from 'mongodb';
import type { RemovedRecords } from '../../application/ports/inventory.js';
import type { InventoryCollections } from './inventory-collections.js';
import { orderProducts } from './order-products.js';
import type { ProductLockDocument } from './product-locks.js';
import type { RestockDocument } from './restocks.js';
import { settleOrder } from './settled-orders.js';
import { forgetSettled } from './settled-reservations.js';

// What a settled order leaves behind, removed once it settled before `settledBefore`: FerretDB 1.x has
// no TTL index, so the maintenance workflow calls this. An order's age is its settled_orders.settledAt;
// its settled_reservations and order_products go with it (see dateLegacyReservations for orders settled
// before settled_orders existed). Per order, the mark goes last, so a run that dies half-way leaves it
// to find the rest next time. An order held back (still holding stock) counts against the limit: a
// batch made only of those removes nothing, and the run stops there; they are sagas an operator has to
// look at (COMPENSATION_FAILED).
// Every filter but a lone _id makes FerretDB parse the whole collection, so each call finds at most
// `limit` records of each kind and removes them one by one by _id.
export async function removeSettledOrders(
  collections: InventoryCollections,
  settledBefore: Date,
  limit: number,
): Promise<RemovedRecords> {
  const { products, orders, settled, settledOrders } = collections;
  const counts = { settledOrders: 0, settledReservations: 0, orderProducts: 0 };
  const due = await settledOrders
    .find({ settledAt: { $lt: settledBefore } })
    .limit(limit)
    .toArray();
  for (const { _id: orderId } of due) {
    // A release or commit that stopped half-way leaves a HELD reservation in a product: the saga, or an
    // operator, still has to finish it, and needs these records to.
    const holding = await products.findOne({ 'reservations.orderId': orderId }, { projection: { _id: 1 } });
    if (holding !== null) continue;
    for (const productId of (await orderProducts(orders, orderId)) ?? [])
      counts.settledReservations += await forgetSettled(settled, orderId, productId);
    counts.orderProducts += (await orders.deleteOne({ _id: orderId })).deletedCount;
    counts.settledOrders += (await settledOrders.deleteOne({ _id: orderId })).deletedCount;
  }
  return counts;
}

// Reservations that ended before they were dated (settledAt) belong to orders that may have settled
// before settled_orders existed, so that nothing would ever date them. An ended reservation means the
// order's release or commit ran, so the order is settled: it gets its mark now, if it has none (what a
// release or commit does first today), and the reservation its date, so that it is not found again.
// Their retention runs from this first sight. Lists of products of orders with no ended reservation
// and no mark stay: nothing says those orders finished.
export async function dateLegacyReservations(
  collections: InventoryCollections,
  now: Date,
  limit: number,
): Promise<number> {
  const { settled, settledOrders } = collections;
  let dated = 0;
  for (const { _id, orderId } of await settled
    .find({ settledAt: { $exists: false } })
    .limit(limit)
    .toArray()) {
    await settleOrder(settledOrders, orderId, now);
    dated += (await settled.updateOne({ _id }, { $set: { settledAt: now } })).modifiedCount;
  }
  return dated;
}

// A restock id only has to outlive its Idempotency-Key, which is far shorter than `before`.
export async function removeOldRestocks(
  restocks: Collection<RestockDocument>,
  before: Date,
  limit: number,
): Promise<number> {
  let removed = 0;
  for (const { _id } of await restocks
    .find({ at: { $lt: before } })
    .limit(limit)
    .toArray())
    removed += (await restocks.deleteOne({ _id })).deletedCount;
  return removed;
}

// A lock whose holder died stays until the next writer of its product takes it over; products nobody
// writes again would keep theirs for ever. A holder keeps its lock for a few round trips (at most half a
// lease, product-locks.ts), and every holding has an _id of its own, so a lock that one maintenance run
// marked and the next one still finds was abandoned: it goes then. No wall clock is compared, so a clock
// that jumps cannot make a lock in use look old.
export async function removeAbandonedLocks(
  locks: Collection<ProductLockDocument>,
  limit: number,
): Promise<number> {
  let removed = 0;
  for (const { _id } of await locks.find({ seenByMaintenance: true }).limit(limit).toArray())
    removed += (await locks.deleteOne({ _id })).deletedCount;
  for (const { _id } of await locks
    .find({ seenByMaintenance: { $ne: true } })
    .limit(limit)
    .toArray())
    await locks.updateOne({ _id }, { $set: { seenByMaintenance: true } });
  return removed;
}
