import type { Order } from '../domain/order/order.js';
import { OrderNotFound } from '../domain/order/order-errors.js';
import type { OrderRepository } from './ports/order-repository.js';

export async function requireOrder(orders: OrderRepository, orderId: string): Promise<Order> {
  const order = await orders.findById(orderId);
  if (order === null) throw new OrderNotFound(orderId);
  return order;
}
