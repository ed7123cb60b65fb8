import type { Clock } from '../../application/ports/clock.js';
import type { Inventory, RemovedRecords, StockLine } from '../../application/ports/inventory.js';
import type {
  InventoryReconciliation,
  ProductReconciliation,
} from '../../application/ports/inventory-reconciliation.js';
import { checkRequestedLines } from '../../domain/order/order-line.js';
import { ProductStock, type StockLevel } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { ReservationNotFound } from '../../domain/stock/stock-errors.js';
import type { StockRecount } from '../../domain/stock/stock-recount.js';

// Changes one product at a time, as the MongoDB inventory does with one conditional update per product
// document, and undoes the lines already taken when a later one fails. The twin the Mongo adapter's
// contract tests are held against.
export class InMemoryInventory implements Inventory, InventoryReconciliation {
  private readonly products = new Map<string, ProductStock>();
  // Orders whose stock was released or committed, and when: a late reserve holds nothing more for them.
  private readonly settled = new Map<string, Date>();
  // Restock ids already added, and when.
  private readonly restocks = new Map<string, Date>();
  private readonly clock: Clock;

  constructor(clock: Clock = { now: () => new Date() }) {
    this.clock = clock;
  }

  async reserve(orderId: string, lines: readonly StockLine[]): Promise<readonly Reservation[]> {
    const checked = checkRequestedLines(lines);
    if (this.settled.has(orderId)) return this.reservationsNow(orderId);
    try {
      for (const line of checked) {
        this.put(this.stock(line.productId).reserve(orderId, line.quantity));
      }
    } catch (error) {
      // Also takes back HELD lines left by an earlier attempt that died half-way: nothing stays held.
      for (const stock of this.holding(orderId)) this.put(stock.unreserve(orderId));
      throw error;
    }
    return this.reservationsNow(orderId);
  }

  async release(orderId: string): Promise<readonly Reservation[]> {
    this.settle(orderId);
    for (const stock of this.holding(orderId)) this.put(stock.release(orderId));
    return this.reservationsNow(orderId);
  }

  async commit(orderId: string): Promise<readonly Reservation[]> {
    const holding = this.holding(orderId);
    if (holding.length === 0) throw new ReservationNotFound(orderId);
    this.settle(orderId);
    for (const stock of holding) this.put(stock.commit(orderId));
    return this.reservationsNow(orderId);
  }

  async returnCommitted(orderId: string): Promise<readonly Reservation[]> {
    for (const stock of this.holding(orderId)) this.put(stock.returnCommitted(orderId));
    return this.reservationsNow(orderId);
  }

  async reservationsOf(orderId: string): Promise<readonly Reservation[]> {
    return this.reservationsNow(orderId);
  }

  async restock(productId: string, quantity: number, restockId?: string): Promise<StockLevel> {
    const stock = this.stock(productId).restock(quantity);
    if (restockId === undefined) return this.put(stock).level();
    if (this.restocks.has(restockId)) return this.stock(productId).level();
    this.restocks.set(restockId, this.clock.now());
    return this.put(stock).level();
  }

  async removeSettled(settledBefore: Date, limit: number): Promise<RemovedRecords> {
    let settledOrders = 0;
    let settledReservations = 0;
    for (const [orderId, settledAt] of this.settled) {
      if (settledOrders >= limit) break;
      if (settledAt >= settledBefore) continue;
      const products = [...this.products.values()].filter((stock) => stock.reservationFor(orderId));
      if (products.some((stock) => stock.reservationFor(orderId)?.status === 'HELD')) continue;
      for (const stock of products) this.put(withoutReservationOf(stock, orderId));
      settledReservations += products.length;
      this.settled.delete(orderId);
      settledOrders += 1;
    }
    let restocks = 0;
    for (const [restockId, at] of this.restocks) {
      if (restocks >= limit) break;
      if (at >= settledBefore) continue;
      this.restocks.delete(restockId);
      restocks += 1;
    }
    return { settledOrders, settledReservations, restocks };
  }

  async stockOf(productId: string): Promise<StockLevel> {
    return this.stock(productId).level();
  }

  private settle(orderId: string): void {
    if (!this.settled.has(orderId)) this.settled.set(orderId, this.clock.now());
  }

  async productIds(after: string | null, limit: number): Promise<readonly string[]> {
    const ids = [...this.products.keys()].sort();
    return ids.filter((id) => after === null || id > after).slice(0, limit);
  }

  async reconcile(
    productId: string,
    decide: (recount: StockRecount) => StockLevel | null,
  ): Promise<ProductReconciliation> {
    const stock = this.products.get(productId);
    if (stock === undefined) return { recount: null, repaired: null };
    const sum = (keep: (reservation: Reservation) => boolean) =>
      stock.reservations.filter(keep).reduce((total, reservation) => total + reservation.quantity, 0);
    const held = (reservation: Reservation) => reservation.status === 'HELD';
    const recount: StockRecount = {
      level: stock.level(),
      held: sum((each) => held(each) && !this.settled.has(each.orderId)),
      stranded: sum((each) => held(each) && this.settled.has(each.orderId)),
      committed: sum((each) => each.status === 'COMMITTED'),
      unfinishedMoves: 0,
    };
    const repaired = decide(recount);
    if (repaired !== null) this.overwriteCounters(repaired);
    return { recount, repaired };
  }

  // What a store that lost half a write leaves: counters that no longer match the reservations. Only
  // the reconciliation's tests call it.
  overwriteCounters(level: StockLevel): void {
    this.put(ProductStock.fromSnapshot({ ...level, reservations: this.stock(level.productId).reservations }));
  }

  private stock(productId: string): ProductStock {
    return this.products.get(productId) ?? ProductStock.empty(productId);
  }

  private put(stock: ProductStock): ProductStock {
    this.products.set(stock.productId, stock);
    return stock;
  }

  private holding(orderId: string): ProductStock[] {
    return [...this.products.values()].filter((stock) => stock.reservationFor(orderId) !== undefined);
  }

  private reservationsNow(orderId: string): readonly Reservation[] {
    return this.holding(orderId).flatMap((stock) => stock.reservationFor(orderId) ?? []);
  }
}

// An ended reservation dropped from the record; the counters keep what it moved.
function withoutReservationOf(stock: ProductStock, orderId: string): ProductStock {
  const reservations = stock.reservations.filter((each) => each.orderId !== orderId);
  return ProductStock.fromSnapshot({ ...stock.toSnapshot(), reservations });
}
