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
// Called under the product's lock, and only while it holds (`lease`). A settled order holds nothing more
// (undefined): a late attempt of its reserve may arrive after the saga compensated or confirmed. An ended
// reservation is looked for first, always: such an attempt may find its stock committed or released and
// gone from the product's document.
// The product is read before the update, and a reservation the order already has is returned as it is.
// The update's own guard (`'reservations.orderId': { $ne }`) is enough on MongoDB, but FerretDB 1.x
// answers any negation over an array's field as "some element differs" (measured: `$ne`, `$nin`,
// `$not: { $eq }` and `$not: { $elemMatch }` all match a product that holds the order beside another
// one), so there a retried reserve would hold twice. The lock and its fence make the read-then-write
// safe: nobody else writes the product between the two.
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
    const document = await products.findOne({ productId });
    lease.assertHeld(document);
    const stock =
      document === null ? ProductStock.empty(productId) : await stockForOrder(collections, document, orderId);
    const found = stock.reservationFor(orderId);
    if (found !== undefined) return found;
    // Throws InsufficientStock when the shelf is short.
    stock.reserve(orderId, quantity);
    const { matchedCount } = await products.updateOne(
      { ...lease.mine, availableStock: { $gte: quantity }, 'reservations.orderId': { $ne: orderId } },
      {
        $inc: { availableStock: -quantity, reservedStock: quantity },
        $push: { reservations: heldReservation(orderId, quantity) },
      },
      lease.write(),
    );
    if (matchedCount === 1) return { orderId, productId, quantity, status: 'HELD' };
  }
  throw contended(productId);
}
