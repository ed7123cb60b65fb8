import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, sumMoney } from '../../../src/domain/shared/money.js';
import { ValidationError } from '../../../src/domain/shared/validation-error.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ValidationError ? error.code : 'not a ValidationError';
  }
  return undefined;
}

describe('Money', () => {
  it.each([
    ['a fraction of a minor unit', 10.5],
    ['a negative amount', -1],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['an integer past 2^53', 2 ** 53],
    ['a string', '100'],
  ])('refuses %s as an amount', (_, amount) => {
    expect(codeOf(() => Money.of(amount, 'EUR'))).toBe('VALIDATION.INVALID_MONEY');
  });

  it.each(['eur', 'EURO', '', 42, 'QQQ', 'ANG'])('refuses %s as a currency (ISO 4217 only)', (currency) => {
    expect(codeOf(() => Money.of(100, currency))).toBe('VALIDATION.INVALID_MONEY');
  });

  it('adds amounts of one currency exactly where floats would not', () => {
    expect(Money.of(10, 'EUR').add(Money.of(20, 'EUR')).equals(Money.of(30, 'EUR'))).toBe(true);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('refuses to add two currencies', () => {
    expect(codeOf(() => Money.of(1, 'EUR').add(Money.of(1, 'USD')))).toBe('VALIDATION.CURRENCY_MISMATCH');
  });

  it('multiplies by a whole quantity and refuses a fractional one', () => {
    expect(Money.of(1250, 'EUR').times(3).amount).toBe(3750);
    expect(codeOf(() => Money.of(1250, 'EUR').times(1.5))).toBe('VALIDATION.INVALID_MONEY');
  });

  it('refuses a product that would overflow the exact integers', () => {
    expect(codeOf(() => Money.of(Number.MAX_SAFE_INTEGER, 'EUR').times(2))).toBe('VALIDATION.INVALID_MONEY');
  });

  it('sums prices times quantities to the integer arithmetic result, always an integer', () => {
    const line = fc.record({
      price: fc.integer({ min: 0, max: 10_000_000 }),
      quantity: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 50 }), (lines) => {
        const total = sumMoney(
          lines.map(({ price, quantity }) => Money.of(price, 'EUR').times(quantity)),
          'EUR',
        );
        const expected = lines.reduce(
          (sum, { price, quantity }) => sum + BigInt(price) * BigInt(quantity),
          0n,
        );
        expect(Number.isInteger(total.amount)).toBe(true);
        expect(BigInt(total.amount)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips through its snapshot', () => {
    const money = Money.of(999, 'JPY');
    expect(Money.fromSnapshot(JSON.parse(JSON.stringify(money.toSnapshot()))).equals(money)).toBe(true);
  });
});
