import type { Collection } from 'mongodb';
import type { Reservation } from '../../domain/stock/reservation.js';
import { type InventoryCollections, toReservation } from './inventory-collections.js';
import type { ProductLease } from './product-lease.js';
import { findSettled, type SettledReservationDocument, settledIdOf } from './settled-reservations.js';

// A COMMITTED reservation has left its product for settled_reservations, so no one update can change
// both it and the product's counters. As with restocks (restocks.ts), the product's document names the
// last return it added (`lastReturnId`, written by the same update as the `$inc`), and whoever adds the
// next return first marks that one RETURNED. So a reservation still COMMITTED was returned if and only
// if its product names it, and a return that dies anywhere is finished by its retry, never added twice.
// Runs under the product's lock (`lease`). Returns the order's reservation on the product afterwards.
export async function returnCommitted(
  collections: InventoryCollections,
  lease: ProductLease,
  orderId: string,
): Promise<Reservation | undefined> {
  const { products, settled } = collections;
  const document = await products.findOne({ productId: lease.productId });
  if (document === null) return undefined;
  lease.assertHeld(document);
  // Still in the product's array: not committed (or its commit not finished); nothing to return.
  const inFlight = document.reservations?.find((each) => each.orderId === orderId);
  if (inFlight !== undefined) return { ...inFlight, productId: lease.productId };
  const ended = await findSettled(settled, orderId, lease.productId);
  if (ended === null) return undefined;
  if (ended.status !== 'COMMITTED') return toReservation(ended);
  const id = settledIdOf(orderId, lease.productId);
  const last = document.lastReturnId;
  if (last !== id) {
    if (last !== undefined) await markReturned(settled, last);
    const { matchedCount } = await products.updateOne(
      lease.mine,
      {
        $inc: { availableStock: ended.quantity, committedStock: -ended.quantity },
        $set: { lastReturnId: id },
      },
      lease.write(),
    );
    if (matchedCount !== 1) throw lease.lost('another process took it over');
  }
  await markReturned(settled, id);
  return { ...toReservation(ended), status: 'RETURNED' };
}

async function markReturned(settled: Collection<SettledReservationDocument>, _id: string): Promise<void> {
  await settled.updateOne({ _id, status: 'COMMITTED' }, { $set: { status: 'RETURNED' } });
}
