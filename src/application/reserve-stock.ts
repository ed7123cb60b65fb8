import { OrderNotPending } from '../domain/order/order-errors.js';
import type { Reservation } from '../domain/stock/reservation.js';
import type { Inventory } from './ports/inventory.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

export interface StockReservationOutput {
  readonly orderId: string;
  readonly reservations: readonly Reservation[];
}

interface Dependencies {
  readonly orders: OrderRepository;
  readonly inventory: Inventory;
}

// Saga step: hold every line of the order, or none (STOCK.INSUFFICIENT). Compensation: ReleaseStock.
export class ReserveStock {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<StockReservationOutput> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    // A late duplicate of this step must not hold stock for an order the saga has already closed; it
    // answers with what an earlier attempt holds. Asked only then: for an order never reserved, the Mongo
    // adapter also scans the products for reservations made before it listed each order's products.
    if (order.status !== 'PENDING' && (await this.deps.inventory.reservationsOf(order.id)).length === 0)
      throw new OrderNotPending(order.id, order.status);
    const reservations = await this.deps.inventory.reserve(
      order.id,
      order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
    );
    return { orderId: order.id, reservations };
  }
}
