import type { OrderSnapshot } from '../domain/order/order.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// The order saga's last step: the customer has the parcel.
export class DeliverOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<OrderSnapshot> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    const delivered = order.deliver(this.deps.clock.now());
    if (delivered === order) return order.toSnapshot();
    return (await this.deps.orders.save(delivered)).toSnapshot();
  }
}
