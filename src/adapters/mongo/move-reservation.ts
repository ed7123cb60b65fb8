import type { Collection } from 'mongodb';
import type { ProductStock } from '../../domain/stock/product-stock.js';
import { contended, MAX_ATTEMPTS } from './mongo-faults.js';
import { type ProductStockDocument, toProductStock } from './product-stock-document.js';

// What the domain does to one product's stock: release, commit or unreserve for one order.
export type ReservationMove = (stock: ProductStock) => ProductStock;

// Release, commit or undo one order's reservation on one product. The domain decides the move (or
// refuses it) on the document as read; the write applies it as a delta, guarded on the reservation
// still being exactly as read at the same place in the array. A second move of the same reservation
// therefore never matches: nothing is released or committed twice.
export async function moveReservation(
  products: Collection<ProductStockDocument>,
  document: ProductStockDocument,
  orderId: string,
  move: ReservationMove,
): Promise<void> {
  let current: ProductStockDocument | null = document;
  for (let attempt = 0; current !== null && attempt < MAX_ATTEMPTS; attempt += 1) {
    const stock = toProductStock(current);
    const next = move(stock);
    if (next === stock) return;
    // FerretDB has neither the positional `$` nor arrayFilters, so the reservation is addressed by index.
    const reservations = current.reservations ?? [];
    const index = reservations.findIndex((reservation) => reservation.orderId === orderId);
    const reservation = reservations[index];
    if (reservation === undefined) return;
    const after = next.reservationFor(orderId);
    const { matchedCount } = await products.updateOne(
      { productId: stock.productId, [`reservations.${index}`]: reservation },
      {
        $inc: {
          availableStock: next.available - stock.available,
          reservedStock: next.reserved - stock.reserved,
          committedStock: next.committed - stock.committed,
        },
        ...(after === undefined
          ? { $pull: { reservations: reservation } }
          : { $set: { [`reservations.${index}.status`]: after.status } }),
      },
    );
    if (matchedCount === 1) return;
    current = await products.findOne({ productId: stock.productId });
  }
  if (current !== null) throw contended(document.productId);
}
