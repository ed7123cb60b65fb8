import { OrderNotCancellable, OrderNotFound } from '../domain/order/order-errors.js';
import { requireText } from '../domain/shared/require.js';
import { type Caller, requireOwn } from './caller.js';
import type { OrderRepository } from './ports/order-repository.js';
import type { SagaControl } from './ports/saga-control.js';
import { CANCELLED_ON_REQUEST } from './sagas/order-saga.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly sagaControl: SagaControl;
}

export const DEFAULT_CANCEL_REASON = 'cancelled at the customer’s request';

// Asks an order's saga to stop and undo what it did. The saga decides whether it is too late (it has
// begun taking the money, or is over): only it knows for sure, the stored status may lag behind it.
export class RequestCancellation {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string; caller: Caller; reason?: string }): Promise<{ orderId: string }> {
    const reason = requireText(input.reason ?? DEFAULT_CANCEL_REASON, 'reason', 500);
    requireOwn(input.caller, {
      id: input.orderId,
      customerId: await this.customerOf(input.orderId),
    });
    const outcome = await this.deps.sagaControl.cancel(input.orderId, reason);
    switch (outcome) {
      case 'REQUESTED':
        return { orderId: input.orderId };
      case 'NO_SAGA':
        throw new OrderNotFound(input.orderId);
      case 'TOO_LATE': {
        // A cancel sent again (its first answer lost to a timeout) finds the saga already cancelling on
        // request: the same answer as the first time, not a 409 for what it asked for.
        // The stored order tells once the saga is over (no worker needed); its progress, while it undoes.
        const order = await this.deps.orders.findById(input.orderId);
        if (order?.failure?.code === CANCELLED_ON_REQUEST || (await this.cancelledOnRequest(input.orderId)))
          return { orderId: input.orderId };
        throw new OrderNotCancellable(input.orderId, order?.status ?? 'PENDING');
      }
    }
  }

  private async cancelledOnRequest(orderId: string): Promise<boolean> {
    const progress = await this.deps.sagaControl.progressOf(orderId).catch(() => null);
    return progress?.failure?.code === CANCELLED_ON_REQUEST;
  }

  // The order's customer, from the stored order or, before the saga stored it, from the saga's input.
  private async customerOf(orderId: string): Promise<string> {
    const stored = await this.deps.orders.findById(orderId);
    if (stored !== null) return stored.customerId;
    const started = await this.deps.sagaControl.startedSagaOf(orderId);
    if (started === null) throw new OrderNotFound(orderId);
    return started.input.customerId;
  }
}
