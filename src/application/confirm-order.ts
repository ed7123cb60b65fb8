import type { OrderSnapshot } from '../domain/order/order.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// The saga's last step.
export class ConfirmOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<OrderSnapshot> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    if (order.status === 'CONFIRMED') return order.toSnapshot();
    const confirmed = order.confirm(this.deps.clock.now());
    return (await this.deps.orders.save(confirmed)).toSnapshot();
  }
}
