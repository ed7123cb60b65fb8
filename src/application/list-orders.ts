import type { OrderSnapshot } from '../domain/order/order.js';
import type { OrderStatus } from '../domain/order/order-status.js';
import { requireId } from '../domain/shared/require.js';
import { ValidationError } from '../domain/shared/validation-error.js';
import { Forbidden } from './application-error.js';
import { type Caller, hasScope } from './caller.js';
import type { OrderCursors } from './order-cursors.js';
import type { OrderRepository } from './ports/order-repository.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

interface Dependencies {
  readonly orders: OrderRepository;
  readonly cursors: OrderCursors;
}

export interface ListOrdersInput {
  readonly caller: Caller;
  readonly status?: OrderStatus;
  readonly customerId?: string;
  readonly limit?: number;
  // Opaque: the nextCursor of the previous page.
  readonly cursor?: string;
}

export interface OrderPage {
  readonly orders: readonly OrderSnapshot[];
  readonly nextCursor: string | null;
}

// Orders newest first, a page at a time.
export class ListOrders {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: ListOrdersInput): Promise<OrderPage> {
    const limit = pageSize(input.limit ?? DEFAULT_PAGE_SIZE);
    const customerId = customerFilter(input);
    if (customerId === OTHERS) return { orders: [], nextCursor: null };
    const found = await this.deps.orders.list({
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(customerId === undefined ? {} : { customerId }),
      ...(input.cursor === undefined ? {} : { after: this.deps.cursors.decode(input.cursor) }),
      // One more than asked tells whether there is a next page without counting.
      limit: limit + 1,
    });
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      orders: page.map((order) => order.toSnapshot()),
      nextCursor: found.length > limit && last !== undefined ? this.deps.cursors.encode(last) : null,
    };
  }
}

// A customer's listing is always of their own orders (a filter on another customer finds nothing);
// orders:read-all lists anyone's.
function customerFilter(input: ListOrdersInput): string | undefined | typeof OTHERS {
  const asked = input.customerId === undefined ? undefined : requireId(input.customerId, 'customerId');
  if (hasScope(input.caller, 'orders:read-all')) return asked;
  if (input.caller.kind !== 'customer') throw new Forbidden('Listing orders needs the orders:read-all scope');
  if (asked !== undefined && asked !== input.caller.customerId) return OTHERS;
  return input.caller.customerId;
}

const OTHERS = Symbol('another customer');

function pageSize(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError('VALIDATION.INVALID_FIELD', 'limit', `limit must be 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}
