import type { OrderLineSnapshot } from '../../domain/order/order-line.js';

// Everything the saga needs, priced when the order was placed, so later price changes do not reach it.
// Plain data: it is the workflow's input and goes through Temporal's JSON payloads.
export interface OrderSagaInput {
  readonly orderId: string;
  readonly customerId: string;
  readonly cardToken: string;
  readonly lines: readonly OrderLineSnapshot[];
  // How long after its confirmation the order may wait for shipment; absent: the saga's default (7 days).
  readonly shippingDeadlineSeconds?: number;
}

export interface SagaStarter {
  // Starting the saga of an order twice starts it once (the order id names the saga) and returns the
  // same sagaId.
  startOrderSaga(input: OrderSagaInput): Promise<{ sagaId: string }>;
}
