import { randomUUID } from 'node:crypto';
import { type Static, Type } from '@sinclair/typebox';

export const LedgerEntry = Type.Object({
  id: Type.String(),
  type: Type.Union([
    Type.Literal('authorization'),
    Type.Literal('capture'),
    Type.Literal('void'),
    Type.Literal('refund'),
  ]),
  authorizationId: Type.String(),
  orderId: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  // The saved payment method charged; absent when the authorization was on a card token.
  paymentMethodId: Type.Optional(Type.String()),
  createdAt: Type.String(),
});
export type LedgerEntry = Static<typeof LedgerEntry>;

export const CurrencyTotals = Type.Object({
  authorized: Type.Integer(),
  captured: Type.Integer(),
  voided: Type.Integer(),
  refunded: Type.Integer(),
  netCharged: Type.Integer({ description: 'captured - refunded: what the customers actually paid' }),
});
export type CurrencyTotals = Static<typeof CurrencyTotals>;

export const LedgerSummary = Type.Object({ byCurrency: Type.Record(Type.String(), CurrencyTotals) });
export type LedgerSummary = Static<typeof LedgerSummary>;

export const LedgerFilter = Type.Object({
  orderId: Type.Optional(Type.String()),
  authorizationId: Type.Optional(Type.String()),
});
export type LedgerFilter = Static<typeof LedgerFilter>;

const TOTAL_OF: Record<LedgerEntry['type'], keyof Omit<CurrencyTotals, 'netCharged'>> = {
  authorization: 'authorized',
  capture: 'captured',
  void: 'voided',
  refund: 'refunded',
};

// Every movement of money, append-only, so that a test can check what was really charged however
// many times the saga retried.
export class Ledger {
  private readonly lines: LedgerEntry[] = [];

  record(entry: Omit<LedgerEntry, 'id' | 'createdAt'>): void {
    this.lines.push({ ...entry, id: `le_${randomUUID()}`, createdAt: new Date().toISOString() });
  }

  entries(filter: LedgerFilter = {}): LedgerEntry[] {
    return this.lines.filter(
      (entry) =>
        (filter.orderId === undefined || entry.orderId === filter.orderId) &&
        (filter.authorizationId === undefined || entry.authorizationId === filter.authorizationId),
    );
  }

  summary(filter: LedgerFilter = {}): LedgerSummary {
    const byCurrency: Record<string, CurrencyTotals> = {};
    for (const entry of this.entries(filter)) {
      const totals = byCurrency[entry.currency] ?? {
        authorized: 0,
        captured: 0,
        voided: 0,
        refunded: 0,
        netCharged: 0,
      };
      totals[TOTAL_OF[entry.type]] += entry.amount;
      totals.netCharged = totals.captured - totals.refunded;
      byCurrency[entry.currency] = totals;
    }
    return { byCurrency };
  }
}
