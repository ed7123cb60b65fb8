// Every business refusal the domain can raise. The list is the contract with the outside: the HTTP
// adapter maps each code to a status and the saga decides on it, so a code is never renamed.
export const DOMAIN_ERROR_CODES = [
  'VALIDATION.INVALID_FIELD',
  'VALIDATION.INVALID_MONEY',
  'VALIDATION.CURRENCY_MISMATCH',
  'VALIDATION.INVALID_QUANTITY',
  'VALIDATION.EMPTY_ORDER',
  'VALIDATION.DUPLICATE_LINE',
  'ORDER.NOT_FOUND',
  'ORDER.ILLEGAL_TRANSITION',
  'ORDER.NOT_CANCELLABLE',
  'ORDER.NOT_PENDING',
  'ORDER.NOT_SHIPPABLE',
  'ORDER.NOT_DELIVERABLE',
  'PRODUCT.NOT_FOUND',
  'STOCK.INSUFFICIENT',
  'RESERVATION.NOT_FOUND',
  'RESERVATION.ILLEGAL_TRANSITION',
  'PAYMENT.NOT_FOUND',
  'PAYMENT.DECLINED',
  'PAYMENT.REJECTED',
  'PAYMENT.ILLEGAL_TRANSITION',
  'PAYMENT.METHOD_DECLINED',
  'PAYMENT_METHOD.NOT_FOUND',
  'CUSTOMER.NOT_FOUND',
  'MAIL.REJECTED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type ValidationErrorCode = Extract<DomainErrorCode, `VALIDATION.${string}`>;
