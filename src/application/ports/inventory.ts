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
  reservationsOf(orderId: string): Promise<readonly Reservation[]>;
  restock(productId: string, quantity: number): Promise<StockLevel>;
  stockOf(productId: string): Promise<StockLevel>;
}
