import type { Order } from '../../domain/order/order.js';

export interface OrderRepository {
  findById(orderId: string): Promise<Order | null>;
  // Optimistic locking: the write succeeds only if the stored version still equals `order.version`
  // (0 for a new order, which must not exist yet), and returns the order as stored, at version + 1.
  // Otherwise it throws ConcurrencyConflict and writes nothing.
  save(order: Order): Promise<Order>;
}
