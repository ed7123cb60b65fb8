import { describe, expect, it } from 'vitest';
import type { OrderLine } from '../../../src/domain/order/order-line.js';
import { Money } from '../../../src/domain/shared/money.js';
import { aLine, aPendingOrder } from '../../support/builders.js';

function refusal(lines: readonly OrderLine[]): unknown {
  try {
    aPendingOrder({ lines });
  } catch (error) {
    return (error as { code?: unknown }).code;
  }
  return 'accepted';
}

describe('the lines of an order', () => {
  it('accept one line per product', () => {
    expect(refusal([aLine({ productId: 'a' }), aLine({ productId: 'b' })])).toBe('accepted');
  });

  it.each([
    ['no line at all', [], 'VALIDATION.EMPTY_ORDER'],
    [
      'the same product twice',
      [aLine({ productId: 'a' }), aLine({ productId: 'a' })],
      'VALIDATION.DUPLICATE_LINE',
    ],
    ['a quantity of zero', [aLine({ quantity: 0 })], 'VALIDATION.INVALID_QUANTITY'],
    ['a fractional quantity', [aLine({ quantity: 1.5 })], 'VALIDATION.INVALID_QUANTITY'],
    ['a blank product id', [aLine({ productId: ' ' })], 'VALIDATION.INVALID_FIELD'],
    [
      'prices in two currencies',
      [aLine({ productId: 'a' }), aLine({ productId: 'b', unitPrice: Money.of(1, 'USD') })],
      'VALIDATION.CURRENCY_MISMATCH',
    ],
  ])('refuse %s', (_, lines, code) => {
    expect(refusal(lines)).toBe(code);
  });
});
