import type { OrderSnapshot } from '../domain/order/order.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

interface Dependencies {
  readonly orders: OrderRepository;
}

export class GetOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<OrderSnapshot> {
    return (await requireOrder(this.deps.orders, input.orderId)).toSnapshot();
  }
}
