import type { OrderRepository } from '../../application/ports/order-repository.js';
import { ConcurrencyConflict } from '../../application/transient-fault.js';
import { Order, type OrderSnapshot } from '../../domain/order/order.js';

// Keeps snapshots, not the objects it was given, so that callers share no state with the store,
// exactly as with a database.
export class InMemoryOrderRepository implements OrderRepository {
  private readonly rows = new Map<string, OrderSnapshot>();

  async findById(orderId: string): Promise<Order | null> {
    const row = this.rows.get(orderId);
    return row === undefined ? null : Order.fromSnapshot(row);
  }

  async save(order: Order): Promise<Order> {
    const storedVersion = this.rows.get(order.id)?.version ?? 0;
    if (order.version !== storedVersion) {
      throw new ConcurrencyConflict('Order', order.id, order.version, storedVersion);
    }
    const row = { ...order.toSnapshot(), version: storedVersion + 1 };
    this.rows.set(order.id, row);
    return Order.fromSnapshot(row);
  }
}
