import type { Inventory } from './ports/inventory.js';
import type { StockReservationOutput } from './reserve-stock.js';

interface Dependencies {
  readonly inventory: Inventory;
}

// Compensation of CommitStock, for a confirmed order cancelled before it shipped (on request, or at
// its shipping deadline): the committed stock goes back on the shelf. Idempotent.
export class ReturnCommittedStock {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<StockReservationOutput> {
    const reservations = await this.deps.inventory.returnCommitted(input.orderId);
    return { orderId: input.orderId, reservations };
  }
}
