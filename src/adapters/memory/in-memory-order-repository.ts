import type { OrderQuery, OrderRepository } from '../../application/ports/order-repository.js';
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

  async list(query: OrderQuery): Promise<readonly Order[]> {
    const { status, customerId, after } = query;
    return [...this.rows.values()]
      .filter((row) => status === undefined || row.status === status)
      .filter((row) => customerId === undefined || row.customerId === customerId)
      .filter((row) => after === undefined || compareNewestFirst(row, after) > 0)
      .sort(compareNewestFirst)
      .slice(0, query.limit)
      .map((row) => Order.fromSnapshot(row));
  }
}

// Newest first by creation time, then by id descending: the order PostgreSQL's index gives.
function compareNewestFirst(
  a: { createdAt: string | Date; id: string },
  b: { createdAt: string | Date; id: string },
): number {
  const byTime = new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();
  if (byTime !== 0) return byTime;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}
