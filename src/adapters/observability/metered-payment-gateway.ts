import { Counter, Histogram, type Registry } from 'prom-client';
import type {
  AuthorizationResult,
  GatewayAuthorization,
  PaymentGateway,
  PaymentMethodResult,
} from '../../application/ports/payment-gateway.js';
import { isDomainError } from '../../domain/shared/domain-error.js';

const OPERATIONS = [
  'authorize',
  'capture',
  'void',
  'refund',
  'find_authorization',
  'register_payment_method',
  'remove_payment_methods',
  'list_payment_methods',
] as const;
type Operation = (typeof OPERATIONS)[number];
// ok and declined are answers; rejected is a refusal (4xx, PAYMENT.REJECTED); error is an outage
// (5xx, timeout, unreachable) or an answer we could not read.
const OUTCOMES = ['ok', 'declined', 'rejected', 'error'] as const;
type Outcome = (typeof OUTCOMES)[number];

export class PaymentGatewayMetrics {
  readonly requests: Counter<'operation' | 'outcome'>;
  readonly duration: Histogram<'operation' | 'outcome'>;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'order_saga_payment_gateway_requests_total',
      help: 'Calls to the payment gateway, by operation and outcome (ok, declined, rejected, error).',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'order_saga_payment_gateway_request_duration_seconds',
      help: 'Time the payment gateway took to answer, by operation and outcome.',
      labelNames: ['operation', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers: [registry],
    });
    // From 0, so the error-rate alert sees the first error as an increase.
    for (const operation of OPERATIONS) {
      for (const outcome of OUTCOMES) this.requests.inc({ operation, outcome }, 0);
    }
  }
}

// The PaymentGateway port, counted: each call and its outcome, whichever adapter is behind it.
export class MeteredPaymentGateway implements PaymentGateway {
  private readonly inner: PaymentGateway;
  private readonly metrics: PaymentGatewayMetrics;

  constructor(inner: PaymentGateway, metrics: PaymentGatewayMetrics) {
    this.inner = inner;
    this.metrics = metrics;
  }

  authorize(request: Parameters<PaymentGateway['authorize']>[0]): Promise<AuthorizationResult> {
    return this.measure(
      'authorize',
      () => this.inner.authorize(request),
      (result) => (result.status === 'DECLINED' ? 'declined' : 'ok'),
    );
  }

  capture(request: Parameters<PaymentGateway['capture']>[0]): Promise<void> {
    return this.measure('capture', () => this.inner.capture(request));
  }

  void(request: Parameters<PaymentGateway['void']>[0]): Promise<void> {
    return this.measure('void', () => this.inner.void(request));
  }

  refund(request: Parameters<PaymentGateway['refund']>[0]): Promise<void> {
    return this.measure('refund', () => this.inner.refund(request));
  }

  findAuthorization(authorizeIdempotencyKey: string): Promise<GatewayAuthorization | null> {
    return this.measure('find_authorization', () => this.inner.findAuthorization(authorizeIdempotencyKey));
  }

  registerPaymentMethod(
    request: Parameters<PaymentGateway['registerPaymentMethod']>[0],
  ): Promise<PaymentMethodResult> {
    return this.measure(
      'register_payment_method',
      () => this.inner.registerPaymentMethod(request),
      (result) => (result.status === 'DECLINED' ? 'declined' : 'ok'),
    );
  }

  removePaymentMethods(customerId: string): Promise<void> {
    return this.measure('remove_payment_methods', () => this.inner.removePaymentMethods(customerId));
  }

  paymentMethodsOf(customerId: string): Promise<readonly string[]> {
    return this.measure('list_payment_methods', () => this.inner.paymentMethodsOf(customerId));
  }

  private async measure<T>(
    operation: Operation,
    call: () => Promise<T>,
    outcomeOf: (result: T) => Outcome = () => 'ok',
  ): Promise<T> {
    const stop = this.metrics.duration.startTimer({ operation });
    let outcome: Outcome = 'error';
    try {
      const result = await call();
      outcome = outcomeOf(result);
      return result;
    } catch (error) {
      outcome = isDomainError(error) ? 'rejected' : 'error';
      throw error;
    } finally {
      stop({ outcome });
      this.metrics.requests.inc({ operation, outcome });
    }
  }
}
