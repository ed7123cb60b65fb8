import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import { isDuplicateKey } from './mongo-faults.js';

// Which products an order reserved, by the order's id: how release, commit and reservationsOf find an
// order's products without scanning every product document (FerretDB 1.x indexes only a lone _id).
// Written before the first line is held, so no product can hold a reservation its order does not list.
export const ORDER_PRODUCTS = 'order_products';

export interface OrderProductsDocument {
  readonly _id: string;
  readonly productIds: readonly string[];
}

export function orderProductsIn(orm: MikroORM): Collection<OrderProductsDocument> {
  return orm.em.getConnection().getCollection<OrderProductsDocument>(ORDER_PRODUCTS);
}

// Returns whether this is the order's first reserve: then the lines it holds are all the order has.
export async function listOrderProducts(
  orders: Collection<OrderProductsDocument>,
  orderId: string,
  productIds: readonly string[],
): Promise<boolean> {
  const list = () =>
    orders.updateOne(
      { _id: orderId },
      { $addToSet: { productIds: { $each: [...productIds] } } },
      { upsert: true },
    );
  try {
    return (await list()).upsertedCount === 1;
  } catch (error) {
    // Two attempts of one reserve both tried to create the list: the loser adds to the winner's.
    if (!isDuplicateKey(error)) throw error;
    await list();
    return false;
  }
}

// null for an order never reserved here, and for one reserved before this list existed.
export async function orderProducts(
  orders: Collection<OrderProductsDocument>,
  orderId: string,
): Promise<readonly string[] | null> {
  const document = await orders.findOne({ _id: orderId });
  return document === null ? null : document.productIds;
}
