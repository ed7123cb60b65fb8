import type { Money, MoneySnapshot } from '../shared/money.js';
import { requireDate, requireId } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';
import { IllegalOrderTransition, OrderNotCancellable } from './order-errors.js';
import { checkFailure, type OrderFailure } from './order-failure.js';
import {
  checkOrderLines,
  lineFromSnapshot,
  lineToSnapshot,
  type OrderLine,
  type OrderLineSnapshot,
  totalOf,
} from './order-line.js';
import { canMove, ORDER_STATUSES, type OrderStatus } from './order-status.js';

// The plain, JSON-safe form an order is stored and sent as.
export interface OrderSnapshot {
  readonly id: string;
  readonly customerId: string;
  readonly sagaId: string;
  readonly lines: readonly OrderLineSnapshot[];
  readonly total: MoneySnapshot;
  readonly status: OrderStatus;
  readonly failure: OrderFailure | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

interface OrderState {
  readonly id: string;
  readonly customerId: string;
  readonly sagaId: string;
  readonly lines: readonly OrderLine[];
  readonly status: OrderStatus;
  readonly failure: OrderFailure | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;
}

// Immutable: a transition returns a new Order, so a refused transition leaves nothing half-changed.
// `version` is the version the order was read at (0 before its first save); the repository bumps it.
export class Order {
  readonly id: string;
  readonly customerId: string;
  readonly sagaId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly status: OrderStatus;
  readonly failure: OrderFailure | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly version: number;

  private constructor(state: OrderState) {
    this.id = requireId(state.id, 'orderId');
    this.customerId = requireId(state.customerId, 'customerId');
    this.sagaId = requireId(state.sagaId, 'sagaId');
    this.lines = checkOrderLines(state.lines);
    this.total = totalOf(this.lines);
    this.status = state.status;
    this.failure = state.failure;
    this.createdAt = state.createdAt;
    this.updatedAt = state.updatedAt;
    this.version = state.version;
  }

  static place(input: {
    id: string;
    customerId: string;
    sagaId: string;
    lines: readonly OrderLine[];
    at: Date;
  }): Order {
    const { at, ...rest } = input;
    return new Order({ ...rest, status: 'PENDING', failure: null, createdAt: at, updatedAt: at, version: 0 });
  }

  static fromSnapshot(snapshot: OrderSnapshot): Order {
    if (!ORDER_STATUSES.includes(snapshot.status)) {
      throw new ValidationError(
        'VALIDATION.INVALID_FIELD',
        'status',
        `unknown order status ${snapshot.status}`,
      );
    }
    if (!Number.isSafeInteger(snapshot.version) || snapshot.version < 0) {
      throw new ValidationError('VALIDATION.INVALID_FIELD', 'version', 'version must be a whole number');
    }
    const order = new Order({
      ...snapshot,
      lines: snapshot.lines.map(lineFromSnapshot),
      failure: snapshot.failure === null ? null : checkFailure(snapshot.failure),
      createdAt: requireDate(snapshot.createdAt, 'createdAt'),
      updatedAt: requireDate(snapshot.updatedAt, 'updatedAt'),
    });
    if (order.total.amount !== snapshot.total.amount || order.total.currency !== snapshot.total.currency) {
      throw new ValidationError('VALIDATION.INVALID_MONEY', 'total', 'stored total differs from its lines');
    }
    return order;
  }

  confirm(at: Date): Order {
    return this.moveTo('CONFIRMED', null, at);
  }

  cancel(failure: OrderFailure, at: Date): Order {
    if (!canMove(this.status, 'CANCELLED')) {
      throw new OrderNotCancellable(this.id, this.status);
    }
    return this.moveTo('CANCELLED', checkFailure(failure), at);
  }

  // The saga could not undo its steps: the order stays visible to an operator in this state.
  markCompensationFailed(failure: OrderFailure, at: Date): Order {
    return this.moveTo('COMPENSATION_FAILED', checkFailure(failure), at);
  }

  toSnapshot(): OrderSnapshot {
    return {
      id: this.id,
      customerId: this.customerId,
      sagaId: this.sagaId,
      lines: this.lines.map(lineToSnapshot),
      total: this.total.toSnapshot(),
      status: this.status,
      failure: this.failure,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      version: this.version,
    };
  }

  private moveTo(status: OrderStatus, failure: OrderFailure | null, at: Date): Order {
    if (!canMove(this.status, status)) {
      throw new IllegalOrderTransition(this.id, this.status, status);
    }
    return new Order({ ...this, status, failure, updatedAt: at });
  }
}
