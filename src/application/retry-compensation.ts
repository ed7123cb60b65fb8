import { OrderNotFound } from '../domain/order/order-errors.js';
import { SagaNotStuck } from './application-error.js';
import type { SagaControl } from './ports/saga-control.js';

interface Dependencies {
  readonly sagaControl: SagaControl;
}

// The operator's way out of COMPENSATION_FAILED, once the cause (a gateway, a database) is fixed: the
// saga runs the compensations still pending; if one fails again it returns to COMPENSATION_FAILED.
export class RetryCompensation {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<{ orderId: string }> {
    switch (await this.deps.sagaControl.retryCompensation(input.orderId)) {
      case 'RETRYING':
        return { orderId: input.orderId };
      case 'NOT_STUCK':
        throw new SagaNotStuck(input.orderId);
      case 'NO_SAGA':
        throw new OrderNotFound(input.orderId);
    }
  }
}
