import type { Order } from '../../domain/order/order.js';
import type { OrderStatus } from '../../domain/order/order-status.js';

// Where a page of orders ends: the next page starts strictly after this order, in the listing's order.
export interface OrderPosition {
  readonly createdAt: Date;
  readonly id: string;
}

export interface OrderQuery {
  readonly status?: OrderStatus;
  readonly customerId?: string;
  readonly after?: OrderPosition;
  readonly limit: number;
}

export interface OrderRepository {
  findById(orderId: string): Promise<Order | null>;
  // Optimistic locking: the write succeeds only if the stored version still equals `order.version`
  // (0 for a new order, which must not exist yet), and returns the order as stored, at version + 1.
  // Otherwise it throws ConcurrencyConflict and writes nothing.
  save(order: Order): Promise<Order>;
  // Orders matching every filter given, newest first (createdAt, then id, both descending), at most
  // `limit`. Paging by position rather than offset keeps pages stable while new orders arrive.
  list(query: OrderQuery): Promise<readonly Order[]>;
}
