import { Order, type OrderSnapshot } from '../domain/order/order.js';
import { lineFromSnapshot, type OrderLineSnapshot } from '../domain/order/order-line.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';

export interface CreatePendingOrderInput {
  readonly orderId: string;
  readonly sagaId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineSnapshot[];
}

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// The saga's first step. Its compensation is CancelOrder.
export class CreatePendingOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: CreatePendingOrderInput): Promise<OrderSnapshot> {
    const existing = await this.deps.orders.findById(input.orderId);
    if (existing !== null) return existing.toSnapshot();
    const order = Order.place({
      id: input.orderId,
      sagaId: input.sagaId,
      customerId: input.customerId,
      lines: input.lines.map(lineFromSnapshot),
      at: this.deps.clock.now(),
    });
    return (await this.deps.orders.save(order)).toSnapshot();
  }
}
