import type {
  AuthorizationResult,
  AuthorizeRequest,
  GatewayAuthorization,
  PaymentGateway,
  PaymentMethodResult,
} from '../../application/ports/payment-gateway.js';
import { PaymentRejected } from '../../domain/payment/payment-errors.js';
import type { Money } from '../../domain/shared/money.js';
import { GatewayFaults } from './gateway-faults.js';

type Operation = 'authorize' | 'capture' | 'void' | 'refund';

export interface MovedMoney {
  readonly operation: Operation;
  readonly authorizationId: string;
  readonly amount: Money;
}

// A card gateway that keeps its holds in memory: declines the card tokens it is told to, answers a
// repeated idempotency key with the first answer, refuses capture/void/refund of a hold in the wrong
// state, and can be told to fail like a real one (see GatewayFaults).
export class InMemoryPaymentGateway implements PaymentGateway {
  readonly faults = new GatewayFaults();
  private readonly declinedCards: ReadonlySet<string>;
  private readonly holds = new Map<string, { amount: Money; status: GatewayAuthorization['status'] }>();
  private readonly answers = new Map<string, unknown>();
  private readonly moves: MovedMoney[] = [];
  private readonly unkeptCards: ReadonlySet<string>;
  private readonly paymentMethods = new Map<string, string>();

  // A declined card is not kept as a payment method either; an unkept one is only not kept.
  constructor(
    options: { declinedCardTokens?: readonly string[]; unkeptCardTokens?: readonly string[] } = {},
  ) {
    this.declinedCards = new Set(options.declinedCardTokens ?? []);
    this.unkeptCards = new Set([...this.declinedCards, ...(options.unkeptCardTokens ?? [])]);
  }

  async authorize(request: AuthorizeRequest): Promise<AuthorizationResult> {
    return this.once(request.idempotencyKey, (): AuthorizationResult => {
      if ('paymentMethodId' in request) {
        if (this.paymentMethods.get(request.paymentMethodId) !== request.customerId) {
          return { status: 'DECLINED', reason: 'payment method not kept for this customer' };
        }
      } else if (this.declinedCards.has(request.cardToken)) {
        return { status: 'DECLINED', reason: 'card declined' };
      }
      const authorizationId = `auth-${this.holds.size + 1}`;
      this.holds.set(authorizationId, { amount: request.amount, status: 'AUTHORIZED' });
      this.moves.push({ operation: 'authorize', authorizationId, amount: request.amount });
      return { status: 'AUTHORIZED', authorizationId };
    });
  }

  async capture(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void> {
    await this.once(request.idempotencyKey, () => {
      this.move('capture', request.authorizationId, 'AUTHORIZED', 'CAPTURED', request.amount);
    });
  }

  async void(request: { idempotencyKey: string; authorizationId: string }): Promise<void> {
    await this.once(request.idempotencyKey, () => {
      this.move('void', request.authorizationId, 'AUTHORIZED', 'VOIDED');
    });
  }

  async refund(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void> {
    await this.once(request.idempotencyKey, () => {
      this.move('refund', request.authorizationId, 'CAPTURED', 'REFUNDED', request.amount);
    });
  }

  async findAuthorization(authorizeIdempotencyKey: string): Promise<GatewayAuthorization | null> {
    await this.faults.beforeCall();
    const answer = this.answers.get(authorizeIdempotencyKey) as AuthorizationResult | undefined;
    if (answer?.status !== 'AUTHORIZED') return null;
    const hold = this.holds.get(answer.authorizationId);
    return hold === undefined ? null : { authorizationId: answer.authorizationId, ...hold };
  }

  async registerPaymentMethod(request: {
    idempotencyKey: string;
    customerId: string;
    cardToken: string;
  }): Promise<PaymentMethodResult> {
    return this.once(request.idempotencyKey, (): PaymentMethodResult => {
      if (this.unkeptCards.has(request.cardToken)) return { status: 'DECLINED', reason: 'card not kept' };
      const paymentMethodId = `pm-${this.paymentMethods.size + 1}-${request.customerId}`;
      this.paymentMethods.set(paymentMethodId, request.customerId);
      return { status: 'REGISTERED', paymentMethodId };
    });
  }

  async removePaymentMethods(customerId: string): Promise<void> {
    await this.faults.beforeCall();
    for (const id of await this.paymentMethodsOf(customerId)) this.paymentMethods.delete(id);
    await this.faults.afterCall();
  }

  async paymentMethodsOf(customerId: string): Promise<readonly string[]> {
    return [...this.paymentMethods].filter(([, owner]) => owner === customerId).map(([id]) => id);
  }

  // Every time money was held, taken or given back: a retried step must not add a line here.
  movedMoney(): readonly MovedMoney[] {
    return [...this.moves];
  }

  private async once<T>(key: string, effect: () => T): Promise<T> {
    await this.faults.beforeCall();
    if (!this.answers.has(key)) this.answers.set(key, effect());
    // A fault after the effect is a lost answer: the money moved but the caller does not know it.
    await this.faults.afterCall();
    return this.answers.get(key) as T;
  }

  private move(
    operation: Operation,
    authorizationId: string,
    from: string,
    to: GatewayAuthorization['status'],
    amount?: Money,
  ): void {
    const hold = this.holds.get(authorizationId);
    if (hold === undefined) throw new PaymentRejected(operation, `unknown authorization ${authorizationId}`);
    if (hold.status !== from) throw new PaymentRejected(operation, `authorization is ${hold.status}`);
    if (amount !== undefined && !amount.equals(hold.amount)) {
      throw new PaymentRejected(operation, `amount ${amount} differs from the ${hold.amount} held`);
    }
    this.holds.set(authorizationId, { ...hold, status: to });
    this.moves.push({ operation, authorizationId, amount: hold.amount });
  }
}
