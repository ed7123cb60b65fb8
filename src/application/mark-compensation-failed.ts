import type { OrderSnapshot } from '../domain/order/order.js';
import type { OrderFailure } from '../domain/order/order-failure.js';
import type { Clock } from './ports/clock.js';
import type { OrderRepository } from './ports/order-repository.js';
import { requireOrder } from './require-order.js';

export interface MarkCompensationFailedInput extends OrderFailure {
  readonly orderId: string;
}

interface Dependencies {
  readonly orders: OrderRepository;
  readonly clock: Clock;
}

// What the saga does when a compensation gave up: the order is left for an operator to see, with the
// code and reason of the compensation that failed. A second call keeps the first reason.
export class MarkCompensationFailed {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: MarkCompensationFailedInput): Promise<OrderSnapshot> {
    const order = await requireOrder(this.deps.orders, input.orderId);
    if (order.status === 'COMPENSATION_FAILED') return order.toSnapshot();
    const failed = order.markCompensationFailed(
      { code: input.code, reason: input.reason },
      this.deps.clock.now(),
    );
    return (await this.deps.orders.save(failed)).toSnapshot();
  }
}
