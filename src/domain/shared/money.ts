import { isCurrency } from './iso-4217.js';
import { ValidationError } from './validation-error.js';

export interface MoneySnapshot {
  readonly amount: number;
  readonly currency: string;
}

// Amounts are integers of the currency's minor unit (cents for EUR): sums and products stay exact,
// which floats would not (0.1 + 0.2). Money is never negative here: refunds are positive amounts too.
export class Money {
  readonly amount: number;
  readonly currency: string;

  private constructor(amount: number, currency: string) {
    this.amount = amount;
    this.currency = currency;
  }

  static of(amount: unknown, currency: unknown): Money {
    if (!isCurrency(currency)) {
      throw new ValidationError('VALIDATION.INVALID_MONEY', 'currency', 'currency must be an ISO 4217 code');
    }
    return new Money(checkedAmount(amount), currency);
  }

  static zero(currency: string): Money {
    return Money.of(0, currency);
  }

  static fromSnapshot(snapshot: MoneySnapshot): Money {
    return Money.of(snapshot.amount, snapshot.currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(checkedAmount(this.amount + other.amount), this.currency);
  }

  times(multiplier: number): Money {
    if (!Number.isSafeInteger(multiplier) || multiplier < 0) {
      throw new ValidationError(
        'VALIDATION.INVALID_MONEY',
        'multiplier',
        'multiplier must be a whole number',
      );
    }
    return new Money(checkedAmount(this.amount * multiplier), this.currency);
  }

  equals(other: Money): boolean {
    return this.amount === other.amount && this.currency === other.currency;
  }

  toSnapshot(): MoneySnapshot {
    return { amount: this.amount, currency: this.currency };
  }

  toString(): string {
    return `${this.amount} ${this.currency} (minor units)`;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw new ValidationError(
        'VALIDATION.CURRENCY_MISMATCH',
        'currency',
        `cannot combine ${this.currency} with ${other.currency}`,
      );
    }
  }
}

export function sumMoney(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce((total, amount) => total.add(amount), Money.zero(currency));
}

function checkedAmount(amount: unknown): number {
  // isSafeInteger also refuses results that overflowed past 2^53, where integers stop being exact.
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new ValidationError(
      'VALIDATION.INVALID_MONEY',
      'amount',
      'amount must be a non-negative safe integer of minor units',
    );
  }
  return amount;
}
