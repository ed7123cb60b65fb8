import { Order, type OrderSnapshot } from '../domain/order/order.js';
import { OrderNotFound } from '../domain/order/order-errors.js';
import { lineFromSnapshot } from '../domain/order/order-line.js';
import { type Caller, requireOwnOrReadAll } from './caller.js';
import type { OrderRepository } from './ports/order-repository.js';
import type { SagaControl, SagaProgress } from './ports/saga-control.js';
import { isTransientFault } from './transient-fault.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly sagaControl: SagaControl;
}

export interface TrackedOrder {
  readonly order: OrderSnapshot;
  // null when the saga could not be asked just now; the order's status is still the stored one.
  readonly progress: SagaProgress | null;
}

// An order and how far its saga has got.
export class TrackOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string; caller: Caller }): Promise<TrackedOrder> {
    const stored = await this.deps.orders.findById(input.orderId);
    const progress = await this.progressIfAvailable(input.orderId);
    const order = stored?.toSnapshot() ?? (await this.notStoredYet(input.orderId, progress));
    requireOwnOrReadAll(input.caller, order);
    return { order, progress };
  }

  // The saga stores the order in its first step, a moment after the 202 that gave out its id: until
  // then the order is the saga's input, PENDING, rather than a 404 that contradicts the 202. A saga that
  // ended without storing it (a cancel that arrived before its first step, under builds before the
  // workflow's store-order-before-cancel patch) shows as the saga ended: CANCELLED with its reason.
  private async notStoredYet(orderId: string, progress: SagaProgress | null): Promise<OrderSnapshot> {
    const started = await this.deps.sagaControl.startedSagaOf(orderId);
    if (started === null) throw new OrderNotFound(orderId);
    const { input, sagaId, startedAt } = started;
    const placed = Order.place({
      id: orderId,
      customerId: input.customerId,
      sagaId,
      lines: input.lines.map(lineFromSnapshot),
      at: startedAt,
    });
    const failure = progress?.failure;
    if (progress?.phase !== 'CANCELLED' || failure == null) return placed.toSnapshot();
    return placed.cancel({ code: failure.code, reason: failure.reason }, startedAt).toSnapshot();
  }

  // Progress is a bonus on top of the stored order: an unreachable saga engine should not hide the order.
  private async progressIfAvailable(orderId: string): Promise<SagaProgress | null> {
    try {
      return await this.deps.sagaControl.progressOf(orderId);
    } catch (error) {
      if (isTransientFault(error)) return null;
      throw error;
    }
  }
}
