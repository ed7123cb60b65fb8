import { Money, type MoneySnapshot, sumMoney } from '../shared/money.js';
import { requireId, requireQuantity } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';

export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

export interface OrderLineSnapshot {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: MoneySnapshot;
}

export const MAX_ORDER_LINES = 100;

export interface RequestedLine {
  readonly productId: string;
  readonly quantity: number;
}

// One line per product, so that stock is reserved once per product and per order.
export function checkRequestedLines(lines: readonly RequestedLine[]): readonly RequestedLine[] {
  if (lines.length === 0) {
    throw new ValidationError('VALIDATION.EMPTY_ORDER', 'lines', 'an order needs at least one line');
  }
  if (lines.length > MAX_ORDER_LINES) {
    throw new ValidationError('VALIDATION.INVALID_FIELD', 'lines', `at most ${MAX_ORDER_LINES} lines`);
  }
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const productId = requireId(line.productId, `lines[${index}].productId`);
    if (seen.has(productId)) {
      throw new ValidationError(
        'VALIDATION.DUPLICATE_LINE',
        `lines[${index}].productId`,
        `product ${productId} appears on more than one line`,
      );
    }
    seen.add(productId);
    return { productId, quantity: requireQuantity(line.quantity, `lines[${index}].quantity`) };
  });
}

export function checkOrderLines(lines: readonly OrderLine[]): readonly OrderLine[] {
  checkRequestedLines(lines);
  totalOf(lines);
  return lines.map((line) => ({
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
  }));
}

// Throws VALIDATION.CURRENCY_MISMATCH when lines are priced in different currencies.
export function totalOf(lines: readonly OrderLine[]): Money {
  const first = lines[0];
  if (first === undefined) {
    throw new ValidationError('VALIDATION.EMPTY_ORDER', 'lines', 'an order needs at least one line');
  }
  return sumMoney(
    lines.map((line) => line.unitPrice.times(line.quantity)),
    first.unitPrice.currency,
  );
}

export function lineToSnapshot(line: OrderLine): OrderLineSnapshot {
  return { productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice.toSnapshot() };
}

export function lineFromSnapshot(line: OrderLineSnapshot): OrderLine {
  return {
    productId: line.productId,
    quantity: line.quantity,
    unitPrice: Money.fromSnapshot(line.unitPrice),
  };
}
