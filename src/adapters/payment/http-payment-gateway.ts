import type {
  AuthorizationResult,
  AuthorizeRequest,
  GatewayAuthorization,
  PaymentGateway,
  PaymentMethodResult,
} from '../../application/ports/payment-gateway.js';
import { Money } from '../../domain/shared/money.js';
import { declineReason, expectSuccess, type GatewayAnswer, gatewayUnavailable } from './gateway-answer.js';
import { Authorization, AuthorizationList, PaymentMethod, PaymentMethodList, Refund } from './wire.js';

export interface HttpPaymentGatewayOptions {
  // Where the gateway's API lives, e.g. http://127.0.0.1:4010 for the simulator.
  readonly baseUrl: string;
  // How long one call may take before it counts as an outage. Default 10 s: card networks can be slow,
  // and a retry with the same idempotency key is cheap where waiting forever is not.
  readonly timeoutMs?: number;
}

type Operation =
  | 'authorize'
  | 'capture'
  | 'void'
  | 'refund'
  | 'find authorization'
  | 'register payment method'
  | 'remove payment methods'
  | 'list payment methods';

// The PaymentGateway port over a card gateway's REST API (see ./wire.ts and simulator/README.md).
export class HttpPaymentGateway implements PaymentGateway {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: HttpPaymentGatewayOptions) {
    this.baseUrl = new URL(options.baseUrl).toString().replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    if (!Number.isSafeInteger(this.timeoutMs) || this.timeoutMs <= 0) {
      throw new RangeError(
        `timeoutMs must be a positive whole number of milliseconds, got ${options.timeoutMs}`,
      );
    }
  }

  async authorize(request: AuthorizeRequest): Promise<AuthorizationResult> {
    const { idempotencyKey, orderId, amount } = request;
    const charged =
      'paymentMethodId' in request
        ? { customerId: request.customerId, paymentMethodId: request.paymentMethodId }
        : { cardToken: request.cardToken };
    const body = { orderId, ...amount.toSnapshot(), ...charged };
    const answer = await this.post('authorize', '/v1/authorizations', idempotencyKey, body);
    // 402 is how card gateways say "declined": a result for the saga, not an error.
    if (answer.status === 402) return { status: 'DECLINED', reason: declineReason(answer) };
    const hold = expectSuccess('authorize', answer, Authorization);
    return { status: 'AUTHORIZED', authorizationId: hold.id };
  }

  async capture(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void> {
    const path = `${authorizationPath(request.authorizationId)}/capture`;
    const answer = await this.post('capture', path, request.idempotencyKey, request.amount.toSnapshot());
    expectSuccess('capture', answer, Authorization);
  }

  async void(request: { idempotencyKey: string; authorizationId: string }): Promise<void> {
    const path = `${authorizationPath(request.authorizationId)}/void`;
    expectSuccess('void', await this.post('void', path, request.idempotencyKey, {}), Authorization);
  }

  async refund(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void> {
    const path = `${authorizationPath(request.authorizationId)}/refunds`;
    const answer = await this.post('refund', path, request.idempotencyKey, request.amount.toSnapshot());
    expectSuccess('refund', answer, Refund);
  }

  async findAuthorization(authorizeIdempotencyKey: string): Promise<GatewayAuthorization | null> {
    const path = `/v1/authorizations?${new URLSearchParams({ idempotencyKey: authorizeIdempotencyKey })}`;
    const operation = 'find authorization';
    const { data } = expectSuccess(operation, await this.call(operation, 'GET', path), AuthorizationList);
    const hold = data[0];
    if (hold === undefined) return null;
    return { authorizationId: hold.id, amount: Money.of(hold.amount, hold.currency), status: hold.status };
  }

  async registerPaymentMethod(request: {
    idempotencyKey: string;
    customerId: string;
    cardToken: string;
  }): Promise<PaymentMethodResult> {
    const operation = 'register payment method';
    const path = paymentMethodsPath(request.customerId);
    const body = { cardToken: request.cardToken };
    const answer = await this.post(operation, path, request.idempotencyKey, body);
    if (answer.status === 402) return { status: 'DECLINED', reason: declineReason(answer) };
    return { status: 'REGISTERED', paymentMethodId: expectSuccess(operation, answer, PaymentMethod).id };
  }

  async removePaymentMethods(customerId: string): Promise<void> {
    const operation = 'remove payment methods';
    const answer = await this.call(operation, 'DELETE', paymentMethodsPath(customerId));
    if (answer.status !== 204) expectSuccess(operation, answer, PaymentMethodList);
  }

  async paymentMethodsOf(customerId: string): Promise<readonly string[]> {
    const operation = 'list payment methods';
    const answer = await this.call(operation, 'GET', paymentMethodsPath(customerId));
    return expectSuccess(operation, answer, PaymentMethodList).data.map((method) => method.id);
  }

  // GET and DELETE are idempotent by nature; only the calls that move money carry an Idempotency-Key.
  private post(
    operation: Operation,
    path: string,
    idempotencyKey: string,
    body: object,
  ): Promise<GatewayAnswer> {
    return this.call(operation, 'POST', path, { 'idempotency-key': idempotencyKey }, body);
  }

  private async call(
    operation: Operation,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    headers: Record<string, string> = {},
    body?: object,
  ): Promise<GatewayAnswer> {
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // A gateway has no reason to redirect; following one could send a payment elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, body: parseJson(text) };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const detail = timedOut ? `no answer within ${this.timeoutMs} ms` : `no connection to ${this.baseUrl}`;
      throw gatewayUnavailable(operation, detail, error);
    }
  }
}

function authorizationPath(authorizationId: string): string {
  return `/v1/authorizations/${encodeURIComponent(authorizationId)}`;
}

function paymentMethodsPath(customerId: string): string {
  return `/v1/customers/${encodeURIComponent(customerId)}/payment-methods`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
