import type { Order, OrderSnapshot } from '../domain/order/order.js';
import { OrderNotDeliverable, OrderNotFound, OrderNotShippable } from '../domain/order/order-errors.js';
import { checkShipment, sameParcel } from '../domain/order/shipment.js';
import { FulfilmentDeadlinePassed, FulfilmentNotTracked } from './application-error.js';
import type { OrderRepository } from './ports/order-repository.js';
import type { SagaControl } from './ports/saga-control.js';
import { DEADLINE_PASSED } from './sagas/order-saga.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly sagaControl: SagaControl;
}

export interface Parcel {
  readonly carrier: string;
  readonly trackingNumber: string;
}

// The warehouse's news of an order: shipped (with its parcel), then delivered. The order's saga records
// it, and refuses it when it does not wait for it; a saga that is over is judged by the stored order:
// the same news again is answered as the first time, news after a missed deadline is refused with
// FULFILMENT.DEADLINE_PASSED, and an order confirmed by a saga of the build before fulfilment (it ended
// at CONFIRMED, nothing waits for its shipment) with FULFILMENT.NOT_TRACKED.
export class RecordFulfilment {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async shipped(orderId: string, parcel: Parcel): Promise<OrderSnapshot> {
    // Refuses a blank carrier or tracking number before the saga hears of it.
    const { carrier, trackingNumber } = checkShipment({ ...parcel, shippedAt: new Date(0).toISOString() });
    return this.record(orderId, 'shipment', { carrier, trackingNumber }, (order) => {
      if (order.shipment !== null && sameParcel(order.shipment, parcel)) return true;
      return new OrderNotShippable(orderId, order.status);
    });
  }

  async delivered(orderId: string): Promise<OrderSnapshot> {
    return this.record(orderId, 'delivery', {}, (order) =>
      order.status === 'DELIVERED' ? true : new OrderNotDeliverable(orderId, order.status),
    );
  }

  // `already`: whether a closed saga's order shows this news recorded, else the refusal to throw.
  private async record(
    orderId: string,
    news: 'shipment' | 'delivery',
    payload: object,
    already: (order: Order) => true | Error,
  ): Promise<OrderSnapshot> {
    const sent = await this.deps.sagaControl.sendNews(orderId, news, payload);
    if (sent.outcome === 'NO_SAGA') throw new OrderNotFound(orderId);
    const order = await this.deps.orders.findById(orderId);
    if (order === null) throw new OrderNotFound(orderId);
    if (sent.outcome === 'RECORDED') return order.toSnapshot();
    const missed = sent.outcome === 'REFUSED' && sent.code === DEADLINE_PASSED;
    if (missed || order.failure?.code === DEADLINE_PASSED) throw new FulfilmentDeadlinePassed(orderId);
    if (sent.outcome === 'CLOSED') {
      if (order.status === 'CONFIRMED') throw new FulfilmentNotTracked(orderId);
      const answer = already(order);
      if (answer === true) return order.toSnapshot();
      throw answer;
    }
    // Refused by a running saga: it waits for something else (the stored status may lag behind it).
    if (news === 'shipment') throw new OrderNotShippable(orderId, order.status);
    throw new OrderNotDeliverable(orderId, order.status);
  }
}
