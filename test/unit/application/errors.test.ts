import { describe, expect, it } from 'vitest';
import {
  ConcurrencyConflict,
  DependencyUnavailable,
  isTransientFault,
} from '../../../src/application/transient-fault.js';
import { ProductNotFound } from '../../../src/domain/catalog/product-not-found.js';
import { OrderNotCancellable, OrderNotFound } from '../../../src/domain/order/order-errors.js';
import { PaymentDeclined } from '../../../src/domain/payment/payment-errors.js';
import { isDomainError } from '../../../src/domain/shared/domain-error.js';
import { DOMAIN_ERROR_CODES } from '../../../src/domain/shared/error-codes.js';
import { InsufficientStock } from '../../../src/domain/stock/stock-errors.js';

describe('errors', () => {
  it('have unique codes', () => {
    expect(new Set(DOMAIN_ERROR_CODES).size).toBe(DOMAIN_ERROR_CODES.length);
  });

  it.each([
    [new InsufficientStock('p-1', 2, 1), 'STOCK.INSUFFICIENT'],
    [new PaymentDeclined('o-1', 'no funds'), 'PAYMENT.DECLINED'],
    [new ProductNotFound('p-1'), 'PRODUCT.NOT_FOUND'],
    [new OrderNotCancellable('o-1', 'CONFIRMED'), 'ORDER.NOT_CANCELLABLE'],
    [new OrderNotFound('o-1'), 'ORDER.NOT_FOUND'],
  ])('tell a business refusal (%s) from a transient fault', (error, code) => {
    expect(error.code).toBe(code);
    expect(isDomainError(error)).toBe(true);
    expect(isTransientFault(error)).toBe(false);
    expect(error.name).toBe(error.constructor.name);
  });

  it.each([
    [new DependencyUnavailable('payment gateway'), 'TRANSIENT.DEPENDENCY_UNAVAILABLE'],
    [new ConcurrencyConflict('Order', 'o-1', 1, 2), 'TRANSIENT.CONCURRENT_MODIFICATION'],
  ])('tell a transient fault (%s) from a business refusal', (error, code) => {
    expect(error.code).toBe(code);
    expect(isTransientFault(error)).toBe(true);
    expect(isDomainError(error)).toBe(false);
  });
});
