import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import { isDuplicateKey } from './mongo-faults.js';

// Orders whose stock was released or committed: a late reserve must hold nothing more for them (the
// saga has compensated or confirmed, and nothing would ever release it). A document of its own, only
// ever inserted, because FerretDB 1.x rewrites a whole document on update and a flag on order_products
// could be lost to a concurrent $addToSet there.
// Why it closes the race with a late reserve: a settle inserts this before it reads the order's
// products, and a reserve lists its products before it looks for this, under each product's lock.
export const SETTLED_ORDERS = 'settled_orders';

export interface SettledOrderDocument {
  readonly _id: string;
  readonly settledAt: Date;
}

export function settledOrdersIn(orm: MikroORM): Collection<SettledOrderDocument> {
  return orm.em.getConnection().getCollection<SettledOrderDocument>(SETTLED_ORDERS);
}

// settledAt starts the order's retention (settled-retention.ts); a second settle keeps the first one's.
export async function settleOrder(
  orders: Collection<SettledOrderDocument>,
  orderId: string,
  at: Date,
): Promise<void> {
  try {
    await orders.updateOne({ _id: orderId }, { $setOnInsert: { settledAt: at } }, { upsert: true });
  } catch (error) {
    // Two settles of one order raced to insert it: the other one did.
    if (!isDuplicateKey(error)) throw error;
  }
}

export async function isSettled(orders: Collection<SettledOrderDocument>, orderId: string): Promise<boolean> {
  return (await orders.findOne({ _id: orderId })) !== null;
}
