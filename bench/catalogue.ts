import { MongoClient } from 'mongodb';
import { stockProduct } from '../test/support/stock-product.js';
import { BENCH_ADMIN_KEY } from './session.js';

export interface RunCatalogue {
  // The products ordered by orders meant to succeed or be declined, one unit at a time.
  readonly stocked: readonly string[];
  // One unit on the shelf, ordered two at a time: every order of it is refused for want of stock.
  readonly scarce: string;
  readonly initialStock: ReadonlyMap<string, number>;
  readonly unitPrice: number;
}

const UNIT_PRICE = 1250;
const STOCKED_PRODUCTS = 4;

// Fresh products for each run, so that its stock can be checked on its own afterwards and no product
// document carries the reservations of earlier runs.
export async function stockCatalogue(baseUrl: string, tag: string, orders: number): Promise<RunCatalogue> {
  const stocked = Array.from({ length: STOCKED_PRODUCTS }, (_, i) => `bench-${tag}-p${i}`);
  const scarce = `bench-${tag}-scarce`;
  const initialStock = new Map<string, number>([...stocked.map((id) => [id, orders] as const), [scarce, 1]]);
  for (const [id, quantity] of initialStock)
    await stockProduct(baseUrl, BENCH_ADMIN_KEY, {
      id,
      name: `Bench ${id}`,
      unitPrice: UNIT_PRICE,
      quantity,
    });
  return { stocked, scarce, initialStock, unitPrice: UNIT_PRICE };
}

// FerretDB scans the whole products collection for every update (it indexes only a bare `_id` filter), so
// products left by earlier runs would slow every later one: measured with the driver, 4 ms an update on
// 30 documents, 29 ms on 3,000. The bench owns its database, so it removes its products (and their
// ended reservations) once checked.
export async function removeProducts(mongodbUrl: string, productIds?: readonly string[]): Promise<number> {
  const client = new MongoClient(mongodbUrl, { serverSelectionTimeoutMS: 5_000 });
  try {
    const db = client.db();
    const ids = productIds === undefined ? null : { $in: [...productIds] };
    const filter = ids === null ? {} : { productId: ids };
    const { deletedCount } = await db.collection('products').deleteMany(filter);
    await db.collection('settled_reservations').deleteMany(filter);
    await db.collection('order_products').deleteMany(ids === null ? {} : { productIds: ids });
    if (productIds === undefined)
      for (const name of ['product_locks', 'settled_orders']) await db.collection(name).deleteMany({});
    return deletedCount;
  } finally {
    await client.close();
  }
}
