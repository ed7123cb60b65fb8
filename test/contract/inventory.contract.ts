import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { Inventory } from '../../src/application/ports/inventory.js';
import { idempotencyCases } from './inventory-idempotency.contract.js';
import { invariantCases } from './inventory-invariant.contract.js';
import { reserveCases } from './inventory-reserve.contract.js';
import { settleCases } from './inventory-settle.contract.js';
import { type InventoryFixture, type StartInventory, seedFixture } from './inventory-subject.js';

// What every Inventory must do, whatever it keeps stock in. Run against each adapter of the port.
export function inventoryContract(name: string, start: StartInventory): void {
  describe(`${name} (Inventory contract)`, () => {
    let inventory: Inventory;
    let stop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ inventory, stop } = await start());
    });
    afterAll(() => stop?.());

    let fixture: InventoryFixture;
    beforeEach(async () => {
      fixture = await seedFixture(inventory);
    });
    const current = () => fixture;

    reserveCases(current);
    settleCases(current);
    idempotencyCases(current);
    invariantCases(() => inventory);
  });
}
