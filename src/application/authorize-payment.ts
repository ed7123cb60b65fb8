import { OrderNotPending } from '../domain/order/order-errors.js';
import { paymentIdempotencyKey } from '../domain/payment/idempotency-key.js';
import { Payment, type PaymentSnapshot } from '../domain/payment/payment.js';
import { PaymentDeclined } from '../domain/payment/payment-errors.js';
import { type PaymentSource, paymentSourceOf } from '../domain/payment/payment-source.js';
import type { Clock } from './ports/clock.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { OrderRepository } from './ports/order-repository.js';
import type { PaymentGateway } from './ports/payment-gateway.js';
import type { PaymentRepository } from './ports/payment-repository.js';
import { requireOrder } from './require-order.js';

interface Dependencies {
  readonly orders: OrderRepository;
  readonly payments: PaymentRepository;
  readonly gateway: PaymentGateway;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

// Saga step: hold the order's total on the card or the customer's saved payment method, or
// PAYMENT.DECLINED. Compensation: VoidOrRefundPayment.
export class AuthorizePayment {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string } & PaymentSource): Promise<PaymentSnapshot> {
    const recorded = await this.deps.payments.findByOrderId(input.orderId);
    if (recorded !== null) return outcome(recorded);
    const order = await requireOrder(this.deps.orders, input.orderId);
    if (order.status !== 'PENDING') throw new OrderNotPending(order.id, order.status);
    // If an earlier attempt reached the gateway but not our database, the same key gets its answer back.
    const source = paymentSourceOf(input);
    const charged =
      source.paymentMethodId === undefined
        ? { cardToken: source.cardToken }
        : { customerId: order.customerId, paymentMethodId: source.paymentMethodId };
    const result = await this.deps.gateway.authorize({
      idempotencyKey: paymentIdempotencyKey(order.id, 'authorize'),
      orderId: order.id,
      amount: order.total,
      ...charged,
    });
    const opened = {
      id: this.deps.ids.next(),
      orderId: order.id,
      amount: order.total,
      paymentMethodId: source.paymentMethodId ?? null,
      at: this.deps.clock.now(),
    };
    const payment =
      result.status === 'AUTHORIZED'
        ? Payment.authorized({ ...opened, authorizationId: result.authorizationId })
        : Payment.declined({ ...opened, reason: result.reason });
    return outcome(await this.deps.payments.save(payment));
  }
}

// A decline is recorded first, so that a retry answers it again without asking the gateway.
function outcome(payment: Payment): PaymentSnapshot {
  if (payment.status === 'DECLINED') {
    throw new PaymentDeclined(payment.orderId, payment.declineReason ?? 'declined');
  }
  return payment.toSnapshot();
}
