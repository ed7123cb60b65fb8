import type { Inventory, StockLine } from '../../src/application/ports/inventory.js';
import type { StockLevel } from '../../src/domain/stock/product-stock.js';
import type { Reservation } from '../../src/domain/stock/reservation.js';
import { uniqueName } from '../support/settings.js';

export interface InventoryUnderTest {
  readonly inventory: Inventory;
  stop(): Promise<void>;
}

export type StartInventory = () => Promise<InventoryUnderTest>;

// Fresh ids in every test: suites share the real database, and never clean it up under each other.
// All ids of one test file start with the same prefix, so that its suites can remove what they made.
export const RUN_PREFIX = uniqueName('inventory');
let made = 0;
const next = (kind: string): string => {
  made += 1;
  return `${RUN_PREFIX}-${kind}${made}`;
};
export const aProductId = (): string => next('p');
export const anOrderId = (): string => next('o');

// The port promises no order among an order's reservations.
export function byProduct(reservations: readonly Reservation[]): Reservation[] {
  return [...reservations].sort((a, b) => a.productId.localeCompare(b.productId));
}

export interface InventoryState {
  readonly levels: readonly StockLevel[];
  readonly reservations: readonly Reservation[];
}

// All an operation can change that the products and orders of one test can show.
export async function stateOf(
  inventory: Inventory,
  productIds: readonly string[],
  orderIds: readonly string[],
): Promise<InventoryState> {
  const levels = await Promise.all(productIds.map((id) => inventory.stockOf(id)));
  const reservations = await Promise.all(orderIds.map((id) => inventory.reservationsOf(id)));
  return { levels, reservations: byProduct(reservations.flat()) };
}

// How a test tells a refusal's code from a success, when either may come.
export async function outcomeOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (value) => ({ value }),
    (error: unknown) => ({ refused: (error as { code?: unknown }).code ?? error }),
  );
}

// What every case of the contract starts from: p1 and p2 with 10 each, p3 with only 1, and an order
// whose lines ask for 2 of p1, 3 of p2 and 5 of p3, so that reserving them all fails on the last line.
export interface InventoryFixture {
  readonly inventory: Inventory;
  readonly p1: string;
  readonly p2: string;
  readonly p3: string;
  readonly order: string;
  readonly lines: readonly StockLine[];
}

export async function seedFixture(inventory: Inventory): Promise<InventoryFixture> {
  const [p1, p2, p3] = [aProductId(), aProductId(), aProductId()];
  await inventory.restock(p1, 10);
  await inventory.restock(p2, 10);
  await inventory.restock(p3, 1);
  const lines = [
    { productId: p1, quantity: 2 },
    { productId: p2, quantity: 3 },
    { productId: p3, quantity: 5 },
  ];
  return { inventory, p1, p2, p3, order: anOrderId(), lines };
}
