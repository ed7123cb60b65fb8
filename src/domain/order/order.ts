import type { Money, MoneySnapshot } from '../shared/money.js';
import { requireDate, requireId } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';
import {
  IllegalOrderTransition,
  OrderNotCancellable,
  OrderNotDeliverable,
  OrderNotShippable,
} from './order-errors.js';
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
import { checkShipment, type Shipment, sameParcel } from './shipment.js';

// The plain, JSON-safe form an order is stored and sent as.
export interface OrderSnapshot {
  readonly id: string;
  readonly customerId: string;
  readonly sagaId: string;
  readonly lines: readonly OrderLineSnapshot[];
  readonly total: MoneySnapshot;
  readonly status: OrderStatus;
  readonly failure: OrderFailure | null;
  readonly shipment: Shipment | null;
  readonly deliveredAt: string | null;
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
  readonly shipment: Shipment | null;
  readonly deliveredAt: Date | null;
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
  readonly shipment: Shipment | null;
  readonly deliveredAt: Date | null;
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
    this.shipment = state.shipment;
    this.deliveredAt = state.deliveredAt;
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
    return new Order({
      ...rest,
      status: 'PENDING',
      failure: null,
      shipment: null,
      deliveredAt: null,
      createdAt: at,
      updatedAt: at,
      version: 0,
    });
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
      shipment: (snapshot.shipment ?? null) === null ? null : checkShipment(snapshot.shipment as Shipment),
      deliveredAt:
        (snapshot.deliveredAt ?? null) === null ? null : requireDate(snapshot.deliveredAt, 'deliveredAt'),
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

  // The warehouse sent it. The same parcel announced again is a retry: the order as it is.
  ship(shipment: Omit<Shipment, 'shippedAt'>, at: Date): Order {
    if (this.shipment !== null && sameParcel(this.shipment, shipment)) return this;
    if (this.status !== 'CONFIRMED') throw new OrderNotShippable(this.id, this.status);
    const shipped = checkShipment({ ...shipment, shippedAt: at.toISOString() });
    return new Order({ ...this.moveTo('SHIPPED', null, at), shipment: shipped });
  }

  // The customer has it; delivered twice is delivered once.
  deliver(at: Date): Order {
    if (this.status === 'DELIVERED') return this;
    if (this.status !== 'SHIPPED') throw new OrderNotDeliverable(this.id, this.status);
    return new Order({ ...this.moveTo('DELIVERED', null, at), deliveredAt: at });
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
      shipment: this.shipment,
      deliveredAt: this.deliveredAt?.toISOString() ?? null,
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
