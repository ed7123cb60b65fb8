import type { StockLine } from '../../application/ports/inventory.js';
import { ProductStock } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { type InventoryCollections, stockForOrder, toReservation } from './inventory-collections.js';
import { contended, MAX_ATTEMPTS } from './mongo-faults.js';
import type { ProductLease } from './product-lease.js';
import { heldReservation } from './product-stock-document.js';
import { isSettled } from './settled-orders.js';
import { findSettled } from './settled-reservations.js';

// Holds one line with a single conditional update: the stock check, the counters and the reservation
// change together or not at all, so concurrent orders can never take more than is on the shelf.
// Called under the product's lock, and only while it holds (`lease`). A settled order holds nothing more (undefined): a late attempt of its
// reserve may arrive after the saga compensated or confirmed. An ended reservation is looked for first,
// always: such an attempt may find its stock committed or released and gone from the product's document.
export async function reserveLine(
  collections: InventoryCollections,
  orderId: string,
  line: StockLine,
  lease: ProductLease,
): Promise<Reservation | undefined> {
  const { products, settled } = collections;
  const { productId, quantity } = line;
  if (await isSettled(collections.settledOrders, orderId)) return undefined;
  const ended = await findSettled(settled, orderId, productId);
  if (ended !== null) return toReservation(ended);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { matchedCount } = await products.updateOne(
      { ...lease.mine, availableStock: { $gte: quantity }, 'reservations.orderId': { $ne: orderId } },
      {
        $inc: { availableStock: -quantity, reservedStock: quantity },
        $push: { reservations: heldReservation(orderId, quantity) },
      },
      lease.write(),
    );
    if (matchedCount === 1) return { orderId, productId, quantity, status: 'HELD' };
    // A miss means no stock, a reservation already there, the product taken over, or a change since the
    // update looked; a fresh read tells which: the domain throws InsufficientStock, or finds the
    // reservation and stops.
    const document = await products.findOne({ productId });
    lease.assertHeld(document);
    const stock =
      document === null ? ProductStock.empty(productId) : await stockForOrder(collections, document, orderId);
    if (stock.reserve(orderId, quantity) === stock) {
      const found = stock.reservationFor(orderId);
      if (found !== undefined) return found;
    }
  }
  throw contended(productId);
}
