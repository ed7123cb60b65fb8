import type { StockLevel } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';

export interface StockLine {
  readonly productId: string;
  readonly quantity: number;
}

// Stock of every product, changed one product at a time with conditional atomic updates; there is no
// transaction across products, so all-or-nothing over several lines is done by undoing.
// A product that was never stocked has a stock of zero everywhere.
export interface Inventory {
  // All or nothing: either every line ends up HELD for the order, or none does and
  // InsufficientStock (STOCK.INSUFFICIENT) names the first product that lacked stock.
  // Idempotent per order and product: a product that already has a reservation for the order, in any
  // status, is left as it is. Returns the order's reservations after the call.
  // Once the order's stock has been released or committed, the order is settled: a reserve holds
  // nothing more for it, not even a line it never had, and returns its reservations as they are (what
  // a late attempt of the saga's reserve step must find after the saga compensated or confirmed).
  reserve(orderId: string, lines: readonly StockLine[]): Promise<readonly Reservation[]>;
  // Puts every HELD reservation of the order back on the shelf (RELEASED). No-op for reservations that
  // are released already or never existed; RESERVATION.ILLEGAL_TRANSITION if one was committed.
  // Settles the order, even one that holds nothing.
  release(orderId: string): Promise<readonly Reservation[]>;
  // Every HELD reservation of the order becomes COMMITTED: the stock leaves for good. No-op for those
  // committed already; RESERVATION.NOT_FOUND if the order holds nothing, ILLEGAL_TRANSITION if released.
  // Settles the order, unless it holds nothing.
  commit(orderId: string): Promise<readonly Reservation[]>;
  // Every COMMITTED reservation of the order goes back on the shelf (RETURNED): a confirmed order
  // cancelled before it shipped. No-op for those returned already and for an order with nothing
  // committed; a retry after a lost answer returns nothing twice.
  returnCommitted(orderId: string): Promise<readonly Reservation[]>;
  reservationsOf(orderId: string): Promise<readonly Reservation[]>;
  // Adds delivered units. With a restockId, idempotent per id: a second call with it adds nothing and
  // returns the stock as it is now, however the first one ended (a crash included).
  restock(productId: string, quantity: number, restockId?: string): Promise<StockLevel>;
  stockOf(productId: string): Promise<StockLevel>;
  // Forgets what orders settled before `settledBefore` left behind (their ended reservations, the mark
  // that they settled, their list of products) and the restock ids recorded before it, at most `limit`
  // orders and restocks a call. An order a product still holds a reservation for keeps everything.
  // Returns how many records of each kind went. After it, a reserve for such an order would hold stock
  // again: `settledBefore` must be far behind any attempt of a saga's step (see RemoveSettledInventory).
  removeSettled(settledBefore: Date, limit: number): Promise<RemovedRecords>;
}

// Records removed, by kind (settledOrders, settledReservations, ...): what a maintenance run reports.
export type RemovedRecords = Readonly<Record<string, number>>;
