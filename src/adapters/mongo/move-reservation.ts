import type { ProductStock } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { type InventoryCollections, stockForOrder } from './inventory-collections.js';
import { contended, MAX_ATTEMPTS } from './mongo-faults.js';
import type { ProductLease } from './product-lease.js';
import type { ProductStockDocument } from './product-stock-document.js';
import { forgetSettled, recordSettled } from './settled-reservations.js';

// What the domain does to one product's stock: release, commit or unreserve for one order.
export type ReservationMove = (stock: ProductStock) => ProductStock;

// Release, commit or undo one order's reservation on one product, while the product's lock holds
// (`lease`: a write that comes too late matches nothing). The domain
// decides the move (or refuses it) on the stock as read. The ended reservation is written to
// settled_reservations first, then the HELD one leaves the product with the counters' delta, guarded on
// it still being exactly as read at the same place in the array: a second move never matches, so nothing
// is released or committed twice, and a move that dies between the two writes is redone by the next.
// Returns the order's reservation on the product afterwards; undefined if it has none.
export async function moveReservation(
  collections: InventoryCollections,
  document: ProductStockDocument,
  orderId: string,
  move: ReservationMove,
  now: Date,
  lease: ProductLease,
): Promise<Reservation | undefined> {
  const { products, settled } = collections;
  let current: ProductStockDocument | null = document;
  for (let attempt = 0; current !== null && attempt < MAX_ATTEMPTS; attempt += 1) {
    lease.assertHeld(current);
    const stock = await stockForOrder(collections, current, orderId);
    if (stock.reservationFor(orderId) === undefined) return undefined;
    const next = move(stock);
    if (next === stock) return stock.reservationFor(orderId);
    // Only a reservation still in the product's array can move (ended ones have nowhere to go).
    // FerretDB has neither the positional `$` nor arrayFilters, so it is addressed by index.
    const reservations = current.reservations ?? [];
    const index = reservations.findIndex((reservation) => reservation.orderId === orderId);
    const reservation = reservations[index];
    if (reservation === undefined)
      throw new Error(`No reservation of ${orderId} to move on ${stock.productId}`);
    const after = next.reservationFor(orderId);
    if (after === undefined) await forgetSettled(settled, orderId, stock.productId);
    else await recordSettled(settled, after, now);
    const { matchedCount } = await products.updateOne(
      { ...lease.mine, [`reservations.${index}`]: reservation },
      {
        $inc: {
          availableStock: next.available - stock.available,
          reservedStock: next.reserved - stock.reserved,
          committedStock: next.committed - stock.committed,
        },
        $pull: { reservations: reservation },
      },
      lease.write(),
    );
    if (matchedCount === 1) return after;
    current = await products.findOne({ productId: stock.productId });
  }
  if (current !== null) throw contended(document.productId);
  return undefined;
}
