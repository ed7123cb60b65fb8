import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import type { Inventory, StockLine } from '../../application/ports/inventory.js';
import { checkRequestedLines } from '../../domain/order/order-line.js';
import { requireId, requireQuantity } from '../../domain/shared/require.js';
import type { StockLevel } from '../../domain/stock/product-stock.js';
import type { Reservation } from '../../domain/stock/reservation.js';
import { ReservationNotFound } from '../../domain/stock/stock-errors.js';
import { guardMongo } from './mongo-faults.js';
import { moveReservation, type ReservationMove } from './move-reservation.js';
import { ProductLocks } from './product-locks.js';
import {
  type ProductStockDocument,
  productsIn,
  readStock,
  toProductStock,
} from './product-stock-document.js';
import { reserveLine } from './reserve-line.js';

// The Inventory port over MongoDB (FerretDB locally), which has no multi-document transactions: each
// product changes with one conditional update (under a product lock, for FerretDB 1.x's sake), and a
// reserve that fails half-way undoes its lines.
// Every id is validated before it reaches a filter, so no input can smuggle a query operator in.
// Call ensureInventoryIndexes(orm) once at start.
export class MongoInventory implements Inventory {
  private readonly orm: MikroORM;
  private readonly locks: ProductLocks;

  constructor(orm: MikroORM) {
    this.orm = orm;
    this.locks = new ProductLocks(orm);
  }

  // Looked up at each use: the ORM replaces its client when it reconnects.
  private get products(): Collection<ProductStockDocument> {
    return productsIn(this.orm);
  }

  async reserve(orderId: string, lines: readonly StockLine[]): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    const checked = checkRequestedLines(lines);
    return guardMongo(async () => {
      try {
        for (const line of checked)
          await this.locks.around(line.productId, () => reserveLine(this.products, order, line));
      } catch (error) {
        // Also takes back HELD lines of an earlier attempt that died half-way: nothing stays held.
        await this.moveAll(order, (stock) => stock.unreserve(order));
        throw error;
      }
      return this.reservationsNow(order);
    });
  }

  async release(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(async () => {
      await this.moveAll(order, (stock) => stock.release(order));
      return this.reservationsNow(order);
    });
  }

  async commit(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(async () => {
      const moved = await this.moveAll(order, (stock) => stock.commit(order));
      if (moved === 0) throw new ReservationNotFound(order);
      return this.reservationsNow(order);
    });
  }

  async reservationsOf(orderId: string): Promise<readonly Reservation[]> {
    const order = requireId(orderId, 'orderId');
    return guardMongo(() => this.reservationsNow(order));
  }

  async restock(productId: string, quantity: number): Promise<StockLevel> {
    const product = requireId(productId, 'productId');
    const added = requireQuantity(quantity);
    return guardMongo(() => this.locks.around(product, () => this.addStock(product, added)));
  }

  async stockOf(productId: string): Promise<StockLevel> {
    const product = requireId(productId, 'productId');
    return guardMongo(async () => (await readStock(this.products, product)).level());
  }

  private async addStock(productId: string, quantity: number): Promise<StockLevel> {
    const document = await this.products.findOneAndUpdate(
      { productId },
      {
        $inc: { availableStock: quantity },
        $setOnInsert: { reservedStock: 0, committedStock: 0 },
      },
      { upsert: true, returnDocument: 'after' },
    );
    if (document === null) throw new Error(`Restocking ${productId} returned no document`);
    return toProductStock(document).level();
  }

  // Returns how many products hold a reservation for the order, in any status.
  private async moveAll(orderId: string, move: ReservationMove): Promise<number> {
    const holding = await this.holding(orderId);
    for (const document of holding) {
      const { productId } = document;
      await this.locks.around(productId, () => moveReservation(this.products, document, orderId, move));
    }
    return holding.length;
  }

  private async reservationsNow(orderId: string): Promise<readonly Reservation[]> {
    const holding = await this.holding(orderId);
    return holding.flatMap((document) => toProductStock(document).reservationFor(orderId) ?? []);
  }

  // In the order products were first stocked, as the memory twin lists them.
  private holding(orderId: string): Promise<ProductStockDocument[]> {
    return this.products.find({ 'reservations.orderId': orderId }).sort({ _id: 1 }).toArray();
  }
}
