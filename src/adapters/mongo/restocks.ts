import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import type { StockLevel } from '../../domain/stock/product-stock.js';
import { isDuplicateKey } from './mongo-faults.js';
import type { ProductLease } from './product-lease.js';
import { type ProductStockDocument, readStock, toProductStock } from './product-stock-document.js';

// Restocks sent with an id (an Idempotency-Key's), so that a retry adds nothing. With no transaction
// between this collection and the product, whether a restock was added is read from the product itself:
// its document names the last restock added (`lastRestockId`, in the same update as the `$inc`), and
// whoever adds the next one first marks that one `added` here. So a restock recorded here but not
// marked was added if and only if the product still names it, and a restock that dies anywhere is
// finished by its retry, never added twice. Everything runs under the product's lock.
export const RESTOCKS = 'restocks';

export interface RestockDocument {
  readonly _id: string;
  readonly productId: string;
  readonly quantity: number;
  // Starts the record's retention (removed with the settled inventory records).
  readonly at: Date;
  readonly added: boolean;
}

export function restocksIn(orm: MikroORM): Collection<RestockDocument> {
  return orm.em.getConnection().getCollection<RestockDocument>(RESTOCKS);
}

interface Collections {
  readonly products: Collection<ProductStockDocument>;
  readonly restocks: Collection<RestockDocument>;
}

export async function addStockOnce(
  collections: Collections,
  lease: ProductLease,
  restock: { restockId: string; productId: string; quantity: number; at: Date },
): Promise<StockLevel> {
  const { products, restocks } = collections;
  const { restockId: _id, productId, quantity, at } = restock;
  const known = await restocks.findOne({ _id });
  if (known !== null && (known.productId !== productId || known.quantity !== quantity))
    throw new Error(
      `Restock ${_id} was ${known.quantity} of ${known.productId}, not ${quantity} of ${productId}`,
    );
  if (known?.added === true) return (await readStock(products, productId)).level();
  if (known === null)
    await restocks.updateOne(
      { _id },
      { $setOnInsert: { productId, quantity, at, added: false } },
      { upsert: true },
    );
  const last = (await products.findOne({ productId }))?.lastRestockId;
  let level: StockLevel | undefined;
  if (last !== _id) {
    if (last !== undefined) await markAdded(restocks, last);
    level = await addStock(products, lease, quantity, { lastRestockId: _id });
  }
  await markAdded(restocks, _id);
  return level ?? (await readStock(products, productId)).level();
}

// The one write that changes a product's available stock from outside an order: `$inc`, creating the
// product's document on its first restock with the holder's fence; a product taken over meanwhile makes
// the upsert try a second document for it, which its unique index refuses.
export async function addStock(
  products: Collection<ProductStockDocument>,
  lease: ProductLease,
  quantity: number,
  also: { lastRestockId?: string } = {},
): Promise<StockLevel> {
  try {
    const document = await products.findOneAndUpdate(
      lease.mine,
      {
        $inc: { availableStock: quantity },
        ...(also.lastRestockId === undefined ? {} : { $set: { lastRestockId: also.lastRestockId } }),
        $setOnInsert: { reservedStock: 0, committedStock: 0 },
      },
      { upsert: true, returnDocument: 'after', ...lease.write() },
    );
    if (document === null) throw new Error(`Restocking ${lease.productId} returned no document`);
    return toProductStock(document).level();
  } catch (error) {
    throw isDuplicateKey(error) ? lease.lost('another process took it over') : error;
  }
}

async function markAdded(restocks: Collection<RestockDocument>, restockId: string): Promise<void> {
  await restocks.updateOne({ _id: restockId }, { $set: { added: true } });
}
