import { requireId, requireQuantity } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';
import { canMoveReservation, type Reservation, type ReservationStatus } from './reservation.js';
import { IllegalReservationTransition, InsufficientStock, ReservationNotFound } from './stock-errors.js';

// What a product has: on the shelf (available), held for orders (reserved), gone with confirmed orders
// (committed). Every move keeps available + reserved + committed equal to all that was ever stocked.
export interface StockLevel {
  readonly productId: string;
  readonly available: number;
  readonly reserved: number;
  readonly committed: number;
}

export interface ProductStockSnapshot extends StockLevel {
  readonly reservations: readonly Reservation[];
}

// Immutable, like Order: a refused move leaves the stock as it was.
export class ProductStock {
  readonly productId: string;
  readonly available: number;
  readonly reserved: number;
  readonly committed: number;
  readonly reservations: readonly Reservation[];

  private constructor(snapshot: ProductStockSnapshot) {
    this.productId = requireId(snapshot.productId, 'productId');
    this.available = count(snapshot.available, 'available');
    this.reserved = count(snapshot.reserved, 'reserved');
    this.committed = count(snapshot.committed, 'committed');
    this.reservations = snapshot.reservations;
  }

  static empty(productId: string): ProductStock {
    return new ProductStock({ productId, available: 0, reserved: 0, committed: 0, reservations: [] });
  }

  static fromSnapshot(snapshot: ProductStockSnapshot): ProductStock {
    return new ProductStock(snapshot);
  }

  reservationFor(orderId: string): Reservation | undefined {
    return this.reservations.find((reservation) => reservation.orderId === orderId);
  }

  restock(quantity: number): ProductStock {
    return this.with({ available: this.available + requireQuantity(quantity) });
  }

  // A second reserve for the same order finds the first reservation, whatever its status, and does nothing.
  reserve(orderId: string, quantity: number): ProductStock {
    requireQuantity(quantity);
    if (this.reservationFor(requireId(orderId, 'orderId')) !== undefined) return this;
    if (this.available < quantity) throw new InsufficientStock(this.productId, quantity, this.available);
    return this.with({
      available: this.available - quantity,
      reserved: this.reserved + quantity,
      reservations: [...this.reservations, { orderId, productId: this.productId, quantity, status: 'HELD' }],
    });
  }

  // Takes back a HELD reservation as if it never happened: how an all-or-nothing reserve of several
  // lines undoes the lines it had already taken. Unlike release, it leaves no trace.
  unreserve(orderId: string): ProductStock {
    const held = this.reservationFor(orderId);
    if (held?.status !== 'HELD') return this;
    return this.with({
      available: this.available + held.quantity,
      reserved: this.reserved - held.quantity,
      reservations: this.reservations.filter((reservation) => reservation !== held),
    });
  }

  // Releasing what was never reserved, or was released or returned already, is a no-op.
  release(orderId: string): ProductStock {
    const reservation = this.reservationFor(orderId);
    if (reservation === undefined || reservation.status === 'RELEASED' || reservation.status === 'RETURNED')
      return this;
    this.assertCanMove(reservation, 'RELEASED');
    return this.with({
      available: this.available + reservation.quantity,
      reserved: this.reserved - reservation.quantity,
      reservations: this.replace(reservation, 'RELEASED'),
    });
  }

  commit(orderId: string): ProductStock {
    const reservation = this.reservationFor(orderId);
    if (reservation === undefined) throw new ReservationNotFound(orderId, this.productId);
    if (reservation.status === 'COMMITTED') return this;
    this.assertCanMove(reservation, 'COMMITTED');
    return this.with({
      reserved: this.reserved - reservation.quantity,
      committed: this.committed + reservation.quantity,
      reservations: this.replace(reservation, 'COMMITTED'),
    });
  }

  // Committed stock of an order cancelled before it shipped goes back on the shelf. A no-op for an order
  // with nothing committed on this product, or returned already.
  returnCommitted(orderId: string): ProductStock {
    const reservation = this.reservationFor(orderId);
    if (reservation?.status !== 'COMMITTED') return this;
    return this.with({
      available: this.available + reservation.quantity,
      committed: this.committed - reservation.quantity,
      reservations: this.replace(reservation, 'RETURNED'),
    });
  }

  level(): StockLevel {
    return {
      productId: this.productId,
      available: this.available,
      reserved: this.reserved,
      committed: this.committed,
    };
  }

  toSnapshot(): ProductStockSnapshot {
    return { ...this.level(), reservations: this.reservations };
  }

  private assertCanMove(reservation: Reservation, to: ReservationStatus): void {
    if (!canMoveReservation(reservation.status, to)) {
      throw new IllegalReservationTransition(reservation.orderId, this.productId, reservation.status, to);
    }
  }

  private replace(reservation: Reservation, status: ReservationStatus): readonly Reservation[] {
    return this.reservations.map((each) => (each === reservation ? { ...each, status } : each));
  }

  private with(changes: Partial<ProductStockSnapshot>): ProductStock {
    return new ProductStock({ ...this.toSnapshot(), ...changes });
  }
}

function count(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ValidationError(
      'VALIDATION.INVALID_QUANTITY',
      field,
      `${field} must be a non-negative integer`,
    );
  }
  return value;
}
