import type { MikroORM } from '@mikro-orm/mongodb';
import { guardMongo } from './mongo-faults.js';
import { productLocksIn } from './product-locks.js';
import { productsIn } from './product-stock-document.js';

// Called once at start by the composition root and by the suites. Idempotent: creating an index that
// already exists with the same definition is a no-op for MongoDB and FerretDB alike.
export async function ensureInventoryIndexes(orm: MikroORM): Promise<void> {
  const products = productsIn(orm);
  const locks = productLocksIn(orm);
  await guardMongo(async () => {
    // One document per product: two first restocks racing to upsert cannot create a second one.
    await products.createIndex({ productId: 1 }, { name: 'products_productId_unique', unique: true });
    // Release, commit and reservationsOf find an order's products through its reservations (MongoDB
    // uses it; FerretDB 1.x scans the collection for any filter but a lone _id).
    await products.createIndex({ 'reservations.orderId': 1 }, { name: 'products_reservations_orderId' });
    // Without it a product lock would not exclude anyone (see product-locks.ts).
    await locks.createIndex({ productId: 1 }, { name: 'product_locks_productId_unique', unique: true });
  });
}
