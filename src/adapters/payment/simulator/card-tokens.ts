// Test card tokens, as card gateways document them for their sandboxes. An unknown token is declined
// rather than approved, so that a mistyped scenario fails loudly instead of passing by accident.
export type CardBehaviour =
  | { readonly kind: 'approve' }
  // Authorizes like any good card, but the gateway will not keep it as a reusable payment method.
  | { readonly kind: 'not-reusable' }
  | { readonly kind: 'decline'; readonly declineCode: string }
  | { readonly kind: 'slow' }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'error' }
  | { readonly kind: 'fail-then-approve'; readonly failures: number };

const APPROVED = new Set(['tok_visa', 'tok_mastercard', 'tok_amex']);
const FAIL_THEN_APPROVE = /^tok_fail_(\d{1,2})_then_approve$/;

export function cardBehaviour(cardToken: string): CardBehaviour {
  if (APPROVED.has(cardToken)) return { kind: 'approve' };
  switch (cardToken) {
    case 'tok_decline':
      return { kind: 'decline', declineCode: 'card_declined' };
    case 'tok_insufficient_funds':
      return { kind: 'decline', declineCode: 'insufficient_funds' };
    case 'tok_not_reusable':
      return { kind: 'not-reusable' };
    case 'tok_slow':
      return { kind: 'slow' };
    case 'tok_timeout':
      return { kind: 'timeout' };
    case 'tok_error_500':
      return { kind: 'error' };
  }
  const failures = FAIL_THEN_APPROVE.exec(cardToken)?.[1];
  if (failures !== undefined) return { kind: 'fail-then-approve', failures: Number(failures) };
  return { kind: 'decline', declineCode: 'unknown_card_token' };
}
