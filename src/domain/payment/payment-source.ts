import { requireId, requireText } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';

// How an order pays: a card token given for this order alone, or a payment method the customer keeps
// at the gateway (registered by the customer registration saga). Exactly one of the two.
export type PaymentSource =
  | { readonly cardToken: string; readonly paymentMethodId?: undefined }
  | { readonly paymentMethodId: string; readonly cardToken?: undefined };

export function paymentSourceOf(given: { cardToken?: string; paymentMethodId?: string }): PaymentSource {
  const { cardToken, paymentMethodId } = given;
  if ((cardToken === undefined) === (paymentMethodId === undefined)) {
    throw new ValidationError(
      'VALIDATION.INVALID_FIELD',
      'payment',
      'give exactly one of cardToken and paymentMethodId',
    );
  }
  return paymentMethodId === undefined
    ? { cardToken: requireText(cardToken, 'cardToken', 200) }
    : { paymentMethodId: requireId(paymentMethodId, 'paymentMethodId') };
}
