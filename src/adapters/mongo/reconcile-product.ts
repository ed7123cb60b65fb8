import type { Collection } from 'mongodb';
import type { ProductReconciliation } from '../../application/ports/inventory-reconciliation.js';
import type { StockLevel } from '../../domain/stock/product-stock.js';
import type { StockRecount } from '../../domain/stock/stock-recount.js';
import type { InventoryCollections } from './inventory-collections.js';
import type { ProductLease } from './product-lease.js';
import { type ProductStockDocument, toProductStock } from './product-stock-document.js';
import { isSettled } from './settled-orders.js';
import { findSettled } from './settled-reservations.js';

export async function productIdsAfter(
  products: Collection<ProductStockDocument>,
  after: string | null,
  limit: number,
): Promise<readonly string[]> {
  const filter = after === null ? {} : { productId: { $gt: after } };
  const found = await products
    .find(filter, { projection: { _id: 0, productId: 1 } })
    .sort({ productId: 1 })
    .limit(limit)
    .toArray();
  return found.map((document) => document.productId);
}

// Recounts a product under its lock (`lease`), and writes the counters `decide` asks for only if they
// are still as recounted and the product is still this holder's.
export async function reconcileProduct(
  collections: InventoryCollections,
  lease: ProductLease,
  decide: (recount: StockRecount) => StockLevel | null,
): Promise<ProductReconciliation> {
  const document = await collections.products.findOne({ productId: lease.productId });
  if (document === null) return { recount: null, repaired: null };
  lease.assertHeld(document);
  const recount = await recountOf(collections, document);
  const target = decide(recount);
  if (target === null) return { recount, repaired: null };
  const { level } = recount;
  const { matchedCount } = await collections.products.updateOne(
    {
      ...lease.mine,
      availableStock: level.available,
      reservedStock: level.reserved,
      committedStock: level.committed,
    },
    {
      $set: {
        availableStock: target.available,
        reservedStock: target.reserved,
        committedStock: target.committed,
      },
    },
    lease.write(),
  );
  return { recount, repaired: matchedCount === 1 ? target : null };
}

// FerretDB 1.x scans settled_reservations for the product's COMMITTED ones (it indexes only a lone
// _id): one scan per product, acceptable for a job that runs now and then, not on an order's path.
async function recountOf(
  collections: InventoryCollections,
  document: ProductStockDocument,
): Promise<StockRecount> {
  const stock = toProductStock(document);
  let [held, stranded, committed, unfinishedMoves] = [0, 0, 0, 0];
  const inFlight = new Set<string>();
  for (const reservation of stock.reservations) {
    if (reservation.status === 'COMMITTED') committed += reservation.quantity;
    if (reservation.status !== 'HELD') continue;
    inFlight.add(reservation.orderId);
    if (await isSettled(collections.settledOrders, reservation.orderId)) stranded += reservation.quantity;
    else held += reservation.quantity;
    if ((await findSettled(collections.settled, reservation.orderId, stock.productId)) !== null)
      unfinishedMoves += 1;
  }
  const ended = collections.settled.find({ productId: stock.productId, status: 'COMMITTED' });
  // A return whose `$inc` is written but whose mark is not (return-committed.ts) counts as returned.
  for await (const each of ended)
    if (!inFlight.has(each.orderId) && each._id !== document.lastReturnId) committed += each.quantity;
  return { level: stock.level(), held, stranded, committed, unfinishedMoves };
}
