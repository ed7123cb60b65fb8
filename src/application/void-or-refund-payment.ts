import { paymentIdempotencyKey } from '../domain/payment/idempotency-key.js';
import { Payment, type PaymentSnapshot } from '../domain/payment/payment.js';
import type { Clock } from './ports/clock.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { GatewayAuthorization, PaymentGateway } from './ports/payment-gateway.js';
import type { PaymentRepository } from './ports/payment-repository.js';

export interface VoidOrRefundOutput {
  readonly orderId: string;
  readonly outcome: 'VOIDED' | 'REFUNDED' | 'NOTHING_TO_UNDO';
  readonly payment: PaymentSnapshot | null;
}

interface Dependencies {
  readonly payments: PaymentRepository;
  readonly gateway: PaymentGateway;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

// Compensation of AuthorizePayment and CapturePayment: gives the money back, whichever of them went
// through. It asks the gateway rather than our records, which miss any call whose answer was lost
// (the saga gave up on a step that did reach the gateway), and then brings our records in line.
export class VoidOrRefundPayment {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: { orderId: string }): Promise<VoidOrRefundOutput> {
    const { orderId } = input;
    const hold = await this.deps.gateway.findAuthorization(paymentIdempotencyKey(orderId, 'authorize'));
    const recorded = await this.deps.payments.findByOrderId(orderId);
    if (hold === null)
      return { orderId, outcome: 'NOTHING_TO_UNDO', payment: recorded?.toSnapshot() ?? null };

    const outcome = hold.status === 'AUTHORIZED' || hold.status === 'VOIDED' ? 'VOIDED' : 'REFUNDED';
    await this.undoAtGateway(orderId, hold);
    const payment = recorded ?? this.recordLostAuthorization(orderId, hold);
    const undone = this.bringInLine(payment, outcome);
    const saved = undone === recorded ? undone : await this.deps.payments.save(undone);
    return { orderId, outcome, payment: saved.toSnapshot() };
  }

  private async undoAtGateway(orderId: string, hold: GatewayAuthorization): Promise<void> {
    const { authorizationId, amount } = hold;
    if (hold.status === 'AUTHORIZED') {
      await this.deps.gateway.void({
        idempotencyKey: paymentIdempotencyKey(orderId, 'void'),
        authorizationId,
      });
    } else if (hold.status === 'CAPTURED') {
      const idempotencyKey = paymentIdempotencyKey(orderId, 'refund');
      await this.deps.gateway.refund({ idempotencyKey, authorizationId, amount });
    }
  }

  private recordLostAuthorization(orderId: string, hold: GatewayAuthorization): Payment {
    return Payment.authorized({
      id: this.deps.ids.next(),
      orderId,
      amount: hold.amount,
      authorizationId: hold.authorizationId,
      at: this.deps.clock.now(),
    });
  }

  private bringInLine(payment: Payment, target: 'VOIDED' | 'REFUNDED'): Payment {
    if (payment.status === target) return payment;
    const at = this.deps.clock.now();
    if (target === 'VOIDED') return payment.void(at);
    return (payment.status === 'AUTHORIZED' ? payment.capture(at) : payment).refund(at);
  }
}
