import type { Inventory } from './ports/inventory.js';
import type { StockReservationOutput } from './reserve-stock.js';

interface Dependencies {
  readonly inventory: Inventory;
}

// Saga step once the payment is captured: the held stock leaves for good. Comes just before
// ConfirmOrder and, like it, has no compensation: nothing after it can fail as a business refusal.
export class CommitStock {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<StockReservationOutput> {
    const reservations = await this.deps.inventory.commit(input.orderId);
    return { orderId: input.orderId, reservations };
  }
}
