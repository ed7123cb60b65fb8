import type { MikroORM } from '@mikro-orm/mongodb';
import type { Clock } from '../../application/ports/clock.js';
import type { Inventory, RemovedRecords, StockLine } from '../../application/ports/inventory.js';
import type {
  InventoryReconciliation,
  ProductReconciliation,
} from '../../application/ports/inventory-reconciliation.js';
import { checkRequestedLines } from '../../domain/order/order-line.js';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { requireId, requireQuantity } from '../../domain/shared/require.js';
import type { StockLevel } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { ReservationNotFound } from '../../domain/stock/stock-errors.js';
import type { StockRecount } from '../../domain/stock/stock-recount.js';
import { type InventoryCollections, inventoryCollectionsIn, stockForOrder } from './inventory-collections.js';
import { guardMongo } from './mongo-faults.js';
import { moveReservation, type ReservationMove } from './move-reservation.js';
import { listOrderProducts, orderProducts } from './order-products.js';
import { ProductLocks, productLocksIn } from './product-locks.js';
import { readStock } from './product-stock-document.js';
import { productIdsAfter, reconcileProduct } from './reconcile-product.js';
import { reserveLine } from './reserve-line.js';
import { addStock, addStockOnce, restocksIn } from './restocks.js';
import { returnCommitted } from './return-committed.js';
import { settleOrder } from './settled-orders.js';
import {
  dateLegacyReservations,
  removeAbandonedLocks,
  removeOldRestocks,
  removeSettledOrders,
} from './settled-retention.js';

// The Inventory port over MongoDB (FerretDB locally), which has no multi-document transactions: each
// product changes with one conditional update (under a product lock, for FerretDB 1.x's sake), and a
// reserve that fails half-way undoes its lines. A product's document holds its counters and the
// reservations in flight; ended ones live in settled_reservations, and order_products lists each
// order's products, so that no step has to scan the products.
// Every id is validated before it reaches a filter, so no input can smuggle a query operator in.
// Call ensureInventoryIndexes(orm) once at start. The clock stamps when orders settle and restocks
// are recorded, from which their retention runs.
export class MongoInventory implements Inventory, InventoryReconciliation {
  private readonly orm: MikroORM;
  private readonly locks: ProductLocks;
  private readonly clock: Clock;

  // leaseMs: how long a product's lock holds; shorter only in tests that make a holder outlive it.
  constructor(orm: MikroORM, options: { readonly clock?: Clock; readonly leaseMs?: number } = {}) {
    this.orm = orm;
    this.locks = new ProductLocks(orm, options.leaseMs);
    this.clock = options.clock ?? { now: () => new Date() };
  }

  private get collections(): InventoryCollections {
    return inventoryCollectionsIn(this.orm);
  }

  async reserve(orderId: string, lines: readonly StockLine[]): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    const checked = checkRequestedLines(lines);
    return guardMongo(async () => {
      const collections = this.collections;
      const productIds = checked.map((line) => line.productId);
      // Listed before anything looks at settled_orders: see settled-orders.ts.
      const first = await listOrderProducts(collections.orders, order, productIds);
      const reservations: (Reservation | undefined)[] = [];
      try {
        for (const line of checked)
          reservations.push(
            await this.locks.around(line.productId, (lease) => reserveLine(collections, order, line, lease)),
          );
      } catch (error) {
        // A refusal takes back every HELD line of the order, an earlier attempt's too: nothing stays held.
        // A transient fault (a lock waited on too long, an outage) takes back nothing: another attempt of
        // the same order may hold those lines by now, and the retry, or the saga's release, settles them.
        if (isDomainError(error)) await this.moveAll(order, (stock) => stock.unreserve(order));
        throw error;
      }
      // An earlier attempt may have listed other products, or the order was settled on the way: the port
      // returns all the order holds.
      const held = reservations.filter((reservation) => reservation !== undefined);
      return first && held.length === reservations.length ? held : this.reservationsNow(order);
    });
  }

  async release(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(async () => {
      await settleOrder(this.collections.settledOrders, order, this.clock.now());
      return this.moveAll(order, (stock) => stock.release(order));
    });
  }

  async commit(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(async () => {
      await this.assertHoldsEveryProduct(order);
      await settleOrder(this.collections.settledOrders, order, this.clock.now());
      const reservations = await this.moveAll(order, (stock) => stock.commit(order));
      if (reservations.length === 0) throw new ReservationNotFound(order);
      return reservations;
    });
  }

  async returnCommitted(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(async () => {
      const collections = this.collections;
      const returned: Reservation[] = [];
      for (const productId of await this.productsOf(order)) {
        const reservation = await this.locks.around(productId, (lease) =>
          returnCommitted(collections, lease, order),
        );
        if (reservation !== undefined) returned.push(reservation);
      }
      return returned;
    });
  }

  async reservationsOf(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(() => this.reservationsNow(order));
  }

  async restock(productId: string, quantity: number, restockId?: string): Promise<StockLevel> {
    const product = requireId(productId, 'productId');
    const added = requireQuantity(quantity);
    const { products } = this.collections;
    if (restockId === undefined)
      return guardMongo(() => this.locks.around(product, (lease) => addStock(products, lease, added)));
    const restock = { restockId: requireId(restockId, 'restockId'), productId: product, quantity: added };
    const collections = { products, restocks: restocksIn(this.orm) };
    return guardMongo(() =>
      this.locks.around(product, (lease) =>
        addStockOnce(collections, lease, { ...restock, at: this.clock.now() }),
      ),
    );
  }

  async removeSettled(settledBefore: Date, limit: number): Promise<RemovedRecords> {
    return guardMongo(async () => ({
      ...(await removeSettledOrders(this.collections, settledBefore, limit)),
      // After the removal, so that an order dated now waits a whole retention.
      datedLegacyReservations: await dateLegacyReservations(this.collections, this.clock.now(), limit),
      restocks: await removeOldRestocks(restocksIn(this.orm), settledBefore, limit),
      expiredLocks: await removeAbandonedLocks(productLocksIn(this.orm), limit),
    }));
  }

  async stockOf(productId: string): Promise<StockLevel> {
    const product = requireId(productId, 'productId');
    return guardMongo(async () => (await readStock(this.collections.products, product)).level());
  }

  productIds(after: string | null, limit: number): Promise<readonly string[]> {
    const from = after === null ? null : requireId(after, 'after');
    return guardMongo(() => productIdsAfter(this.collections.products, from, limit));
  }

  reconcile(
    productId: string,
    decide: (recount: StockRecount) => StockLevel | null,
  ): Promise<ProductReconciliation> {
    const product = requireId(productId, 'productId');
    return guardMongo(() =>
      this.locks.around(product, (lease) => reconcileProduct(this.collections, lease, decide)),
    );
  }

  // Moves the order's reservation on each of its products, one product at a time under its lock, and
  // returns the order's reservations afterwards.
  private async moveAll(orderId: string, move: ReservationMove): Promise<Reservation[]> {
    const collections = this.collections;
    const moved: Reservation[] = [];
    for (const productId of await this.productsOf(orderId, { listFound: true })) {
      const reservation = await this.locks.around(productId, async (lease) => {
        const document = await collections.products.findOne({ productId });
        if (document === null) return undefined;
        return moveReservation(collections, document, orderId, move, this.clock.now(), lease);
      });
      if (reservation !== undefined) moved.push(reservation);
    }
    return moved;
  }

  // A commit that found only some of the order's lines would confirm an order whose other lines were
  // never taken from the shelf; it refuses, before moving or settling anything, and the saga compensates.
  private async assertHoldsEveryProduct(orderId: string): Promise<void> {
    const collections = this.collections;
    const products = await this.productsOf(orderId);
    if (products.length === 0) throw new ReservationNotFound(orderId);
    for (const productId of products) {
      const document = await collections.products.findOne({ productId });
      const stock = document === null ? null : await stockForOrder(collections, document, orderId);
      if (stock?.reservationFor(orderId) === undefined) throw new ReservationNotFound(orderId, productId);
    }
  }

  private async reservationsNow(orderId: string): Promise<Reservation[]> {
    const collections = this.collections;
    const found: Reservation[] = [];
    for (const productId of await this.productsOf(orderId)) {
      const document = await collections.products.findOne({ productId });
      if (document === null) continue;
      const reservation = (await stockForOrder(collections, document, orderId)).reservationFor(orderId);
      if (reservation !== undefined) found.push(reservation);
    }
    return found;
  }

  // Orders reserved before order_products existed are found the old way, by a scan of the products;
  // a move lists them first (`listFound`), since their reservations are about to leave the products.
  private async productsOf(orderId: string, { listFound = false } = {}): Promise<readonly string[]> {
    const { orders, products } = this.collections;
    const listed = await orderProducts(orders, orderId);
    if (listed !== null) return listed;
    const holding = await products.find({ 'reservations.orderId': orderId }).sort({ _id: 1 }).toArray();
    const found = holding.map((document) => document.productId);
    if (listFound && found.length > 0) await listOrderProducts(orders, orderId, found);
    return found;
  }
}
