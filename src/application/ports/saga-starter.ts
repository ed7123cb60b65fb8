import type { OrderLineSnapshot } from '../../domain/order/order-line.js';
import type { PaymentSource } from '../../domain/payment/payment-source.js';

// Everything the saga needs, priced when the order was placed, so later price changes do not reach it.
// Plain data: it is the workflow's input and goes through Temporal's JSON payloads. Sagas started
// before orders could pay with a saved method have a cardToken and no paymentMethodId, which is still
// one of the two shapes of PaymentSource.
export type OrderSagaInput = {
  readonly orderId: string;
  readonly customerId: string;
  readonly lines: readonly OrderLineSnapshot[];
  // How long after its confirmation the order may wait for shipment; absent: the saga's default (7 days).
  readonly shippingDeadlineSeconds?: number;
} & PaymentSource;

export interface SagaStarter {
  // Starting the saga of an order twice starts it once (the order id names the saga) and returns the
  // same sagaId.
  startOrderSaga(input: OrderSagaInput): Promise<{ sagaId: string }>;
}
