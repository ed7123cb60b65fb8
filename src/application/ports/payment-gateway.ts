import type { Money } from '../../domain/shared/money.js';

export type AuthorizationResult =
  | { readonly status: 'AUTHORIZED'; readonly authorizationId: string }
  | { readonly status: 'DECLINED'; readonly reason: string };

export type PaymentMethodResult =
  | { readonly status: 'REGISTERED'; readonly paymentMethodId: string }
  | { readonly status: 'DECLINED'; readonly reason: string };

// The gateway's own view of a hold, which is the truth about money when our records lag behind it.
export interface GatewayAuthorization {
  readonly authorizationId: string;
  readonly amount: Money;
  readonly status: 'AUTHORIZED' | 'CAPTURED' | 'VOIDED' | 'REFUNDED';
}

// Every call carries an idempotency key: the gateway answers a repeated key with the first answer and
// moves no money again. A decline is a result; a refusal of capture/void/refund is PaymentRejected
// (PAYMENT.REJECTED); a timeout or 5xx is a TransientFault.
// What an authorization charges: a card token, or a payment method the gateway keeps for the customer
// (a method that is not theirs, or no longer kept, is DECLINED).
export type AuthorizeRequest = {
  readonly idempotencyKey: string;
  readonly orderId: string;
  readonly amount: Money;
} & ({ readonly cardToken: string } | { readonly customerId: string; readonly paymentMethodId: string });

export interface PaymentGateway {
  authorize(request: AuthorizeRequest): Promise<AuthorizationResult>;
  capture(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void>;
  void(request: { idempotencyKey: string; authorizationId: string }): Promise<void>;
  refund(request: { idempotencyKey: string; authorizationId: string; amount: Money }): Promise<void>;
  // The hold made by the authorize call with this key, or null when none was made (never called, or
  // declined). How compensation finds a hold whose answer was lost.
  findAuthorization(authorizeIdempotencyKey: string): Promise<GatewayAuthorization | null>;
  // Keeps a card as a customer's reusable payment method; a card the gateway will not keep is DECLINED.
  registerPaymentMethod(request: {
    idempotencyKey: string;
    customerId: string;
    cardToken: string;
  }): Promise<PaymentMethodResult>;
  // Forgets every payment method of the customer. None to forget is no error, so a repeat is harmless
  // and compensation needs no answer from the register call, which may have been lost.
  removePaymentMethods(customerId: string): Promise<void>;
  paymentMethodsOf(customerId: string): Promise<readonly string[]>;
}
