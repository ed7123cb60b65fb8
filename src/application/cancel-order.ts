import type { OrderSnapshot } from '../domain/order/order.js';
import type { OrderFailure } from '../domain/order/order-failure.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

export interface CancelOrderInput extends OrderFailure {
  readonly orderId: string;
}

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// Compensation of CreatePendingOrder, run last; also how an operator closes a COMPENSATION_FAILED
// order once it is sorted out by hand. A second cancel keeps the first reason.
export class CancelOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: CancelOrderInput): Promise<OrderSnapshot> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    if (order.status === 'CANCELLED') return order.toSnapshot();
    const cancelled = order.cancel({ code: input.code, reason: input.reason }, this.deps.clock.now());
    return (await this.deps.orders.save(cancelled)).toSnapshot();
  }
}
