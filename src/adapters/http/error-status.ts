import type { ErrorCode } from '../../application/error-code.js';

// The one place a use-case's error code becomes an HTTP status. No default branch: a code added to
// ErrorCode without a status here fails to compile.
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION.INVALID_FIELD':
    case 'VALIDATION.INVALID_MONEY':
    case 'VALIDATION.INVALID_QUANTITY':
    case 'VALIDATION.EMPTY_ORDER':
    case 'VALIDATION.DUPLICATE_LINE':
      return 400;
    case 'AUTH.FORBIDDEN':
      return 403;
    case 'ORDER.NOT_FOUND':
    case 'PRODUCT.NOT_FOUND':
    case 'RESERVATION.NOT_FOUND':
    case 'PAYMENT.NOT_FOUND':
    case 'CUSTOMER.NOT_FOUND':
    case 'PAYMENT_METHOD.NOT_FOUND':
      return 404;
    case 'ORDER.NOT_CANCELLABLE':
    case 'ORDER.NOT_PENDING':
    case 'ORDER.ILLEGAL_TRANSITION':
    case 'RESERVATION.ILLEGAL_TRANSITION':
    case 'PAYMENT.ILLEGAL_TRANSITION':
    case 'IDEMPOTENCY.KEY_REUSED':
    case 'SAGA.NOT_STUCK':
    case 'ORDER.NOT_SHIPPABLE':
    case 'ORDER.NOT_DELIVERABLE':
    case 'FULFILMENT.DEADLINE_PASSED':
    case 'FULFILMENT.NOT_TRACKED':
      return 409;
    // Well-formed requests the business cannot take: the catalogue prices the lines in different
    // currencies, or (should a saga outcome ever surface here) stock or card refused.
    case 'VALIDATION.CURRENCY_MISMATCH':
    case 'STOCK.INSUFFICIENT':
    case 'PAYMENT.DECLINED':
    case 'PAYMENT.REJECTED':
    case 'PAYMENT.METHOD_DECLINED':
    case 'MAIL.REJECTED':
      return 422;
    // Both pass if the client simply tries again a little later.
    case 'TRANSIENT.DEPENDENCY_UNAVAILABLE':
    case 'TRANSIENT.CONCURRENT_MODIFICATION':
      return 503;
  }
}
