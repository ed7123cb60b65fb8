import { paymentIdempotencyKey } from '../domain/payment/idempotency-key.js';
import type { PaymentSnapshot } from '../domain/payment/payment.js';
import { PaymentNotFound } from '../domain/payment/payment-errors.js';
import type { Clock } from './ports/clock.js';
import type { PaymentGateway } from './ports/payment-gateway.js';
import type { PaymentRepository } from './ports/payment-repository.js';

interface Dependencies {
  readonly payments: PaymentRepository;
  readonly gateway: PaymentGateway;
  readonly clock: Clock;
}

// Saga step: take the money that AuthorizePayment held. Compensation: VoidOrRefundPayment, which
// refunds it.
export class CapturePayment {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<PaymentSnapshot> {
    const payment = await this.deps.payments.findByOrderId(input.orderId);
    if (payment === null) throw new PaymentNotFound(input.orderId);
    if (payment.status === 'CAPTURED') return payment.toSnapshot();
    // Checked before the gateway is called, so that a voided or declined payment is never captured.
    const captured = payment.capture(this.deps.clock.now());
    await this.deps.gateway.capture({
      idempotencyKey: paymentIdempotencyKey(payment.orderId, 'capture'),
      authorizationId: payment.requireAuthorizationId(),
      amount: payment.amount,
    });
    return (await this.deps.payments.save(captured)).toSnapshot();
  }
}
