import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection, ObjectId } from 'mongodb';
import { ProductStock } from '../../domain/stock/product-stock.js';
import {
  RESERVATION_STATUSES,
  type Reservation,
  type ReservationStatus,
} from '../../domain/stock/reservation.js';

// One document per product: its stock counters and the reservations in flight (HELD) against it. A
// reservation that ends moves to settled_reservations (settled-reservations.ts); documents written before
// that move existed may still hold ended ones, which are read as they are.
export interface ProductStockDocument {
  readonly productId: string;
  readonly availableStock: number;
  readonly reservedStock: number;
  readonly committedStock: number;
  // Absent until the first reservation: FerretDB drops an empty array from $setOnInsert, and $push
  // creates the array anyway.
  readonly reservations?: readonly ReservationDocument[];
  // The last restock added with an id (restocks.ts); absent until then.
  readonly lastRestockId?: string;
  // The last committed reservation returned to the shelf (return-committed.ts); absent until then.
  readonly lastReturnId?: string;
  // The lock holding that last took the product (product-lease.ts).
  readonly fence?: ObjectId;
}

// Written with exactly these fields in this order: FerretDB compares embedded documents field by field
// in order, and the adapter pulls or guards a reservation by its whole document.
export interface ReservationDocument {
  readonly orderId: string;
  readonly quantity: number;
  readonly status: ReservationStatus;
}

export const PRODUCTS = 'products';

export function productsIn(orm: MikroORM): Collection<ProductStockDocument> {
  return orm.em.getConnection().getCollection<ProductStockDocument>(PRODUCTS);
}

// A product never stocked has no document, and a stock of zero everywhere.
export async function readStock(
  products: Collection<ProductStockDocument>,
  productId: string,
): Promise<ProductStock> {
  const document = await products.findOne({ productId });
  return document === null ? ProductStock.empty(productId) : toProductStock(document);
}

export function heldReservation(orderId: string, quantity: number): ReservationDocument {
  return { orderId, quantity, status: 'HELD' };
}

// `settled`: an order's ended reservation on this product that the document does not hold, which the
// domain must see to refuse or skip a second move (stockForOrder decides which copy counts).
export function toProductStock(
  document: ProductStockDocument,
  settled: Reservation | null = null,
): ProductStock {
  const { productId } = document;
  const inFlight = (document.reservations ?? []).map(({ orderId, quantity, status }) => ({
    orderId,
    productId,
    quantity,
    status: knownStatus(status, productId),
  }));
  return ProductStock.fromSnapshot({
    productId,
    available: document.availableStock,
    reserved: document.reservedStock,
    committed: document.committedStock,
    reservations: settled === null ? inFlight : [...inFlight, settled],
  });
}

function knownStatus(status: unknown, productId: string): ReservationStatus {
  const known = RESERVATION_STATUSES.find((each) => each === status);
  if (known === undefined) throw new Error(`Product ${productId} holds a reservation in status ${status}`);
  return known;
}
