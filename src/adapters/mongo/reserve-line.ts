import type { Collection } from 'mongodb';
import type { StockLine } from '../../application/ports/inventory.js';
import { contended, MAX_ATTEMPTS } from './mongo-faults.js';
import { heldReservation, type ProductStockDocument, readStock } from './product-stock-document.js';

// Holds one line with a single conditional update: the stock check, the counters and the reservation
// change together or not at all, so concurrent orders can never take more than is on the shelf.
export async function reserveLine(
  products: Collection<ProductStockDocument>,
  orderId: string,
  line: StockLine,
): Promise<void> {
  const { productId, quantity } = line;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { matchedCount } = await products.updateOne(
      { productId, availableStock: { $gte: quantity }, 'reservations.orderId': { $ne: orderId } },
      {
        $inc: { availableStock: -quantity, reservedStock: quantity },
        $push: { reservations: heldReservation(orderId, quantity) },
      },
    );
    if (matchedCount === 1) return;
    // A miss means no stock, a reservation already there, or a change since the update looked; a fresh
    // read lets the domain tell which: it throws InsufficientStock, or finds the reservation and stops.
    const stock = await readStock(products, productId);
    if (stock.reserve(orderId, quantity) === stock) return;
  }
  throw contended(productId);
}
