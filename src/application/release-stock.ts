import type { Inventory } from './ports/inventory.js';
import type { StockReservationOutput } from './reserve-stock.js';

interface Dependencies {
  readonly inventory: Inventory;
}

// Compensation of ReserveStock. A no-op when nothing was reserved, so the saga may call it even when it
// does not know whether the reserve went through.
export class ReleaseStock {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<StockReservationOutput> {
    const reservations = await this.deps.inventory.release(input.orderId);
    return { orderId: input.orderId, reservations };
  }
}
