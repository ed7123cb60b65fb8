import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import type { ProductStock } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { type OrderProductsDocument, orderProductsIn } from './order-products.js';
import { type ProductStockDocument, productsIn, toProductStock } from './product-stock-document.js';
import { type SettledOrderDocument, settledOrdersIn } from './settled-orders.js';
import {
  findSettled,
  type SettledReservationDocument,
  settledReservationsIn,
} from './settled-reservations.js';

export interface InventoryCollections {
  readonly products: Collection<ProductStockDocument>;
  readonly settled: Collection<SettledReservationDocument>;
  readonly orders: Collection<OrderProductsDocument>;
  readonly settledOrders: Collection<SettledOrderDocument>;
}

// Looked up at each use: the ORM replaces its client when it reconnects.
export function inventoryCollectionsIn(orm: MikroORM): InventoryCollections {
  return {
    products: productsIn(orm),
    settled: settledReservationsIn(orm),
    orders: orderProductsIn(orm),
    settledOrders: settledOrdersIn(orm),
  };
}

// A product's stock as one order's move must see it: what is in flight, plus the order's ended
// reservation, read only when the product holds nothing for the order (the common case reads once).
export async function stockForOrder(
  collections: InventoryCollections,
  document: ProductStockDocument,
  orderId: string,
): Promise<ProductStock> {
  const inFlight = document.reservations?.some((each) => each.orderId === orderId) === true;
  if (inFlight) return toProductStock(document);
  const settled = await findSettled(collections.settled, orderId, document.productId);
  return toProductStock(document, settled === null ? null : toReservation(settled));
}

export function toReservation(settled: SettledReservationDocument): Reservation {
  const { orderId, productId, quantity, status } = settled;
  return { orderId, productId, quantity, status };
}
