import type { OrderSnapshot } from '../domain/order/order.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

export interface ShipOrderInput {
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
}

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// The saga's record of the warehouse's shipment: the order becomes SHIPPED. The same parcel twice is
// recorded once.
export class ShipOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: ShipOrderInput): Promise<OrderSnapshot> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    const shipped = order.ship(
      { carrier: input.carrier, trackingNumber: input.trackingNumber },
      this.deps.clock.now(),
    );
    if (shipped === order) return order.toSnapshot();
    return (await this.deps.orders.save(shipped)).toSnapshot();
  }
}
