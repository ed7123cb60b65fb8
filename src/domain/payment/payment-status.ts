export const PAYMENT_STATUSES = ['AUTHORIZED', 'DECLINED', 'CAPTURED', 'VOIDED', 'REFUNDED'] as const;

export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

// Money is held (AUTHORIZED), then taken (CAPTURED). The saga gives it back by voiding a hold that was
// never captured, or refunding a capture. DECLINED, VOIDED and REFUNDED are ends.
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  AUTHORIZED: ['CAPTURED', 'VOIDED'],
  CAPTURED: ['REFUNDED'],
  DECLINED: [],
  VOIDED: [],
  REFUNDED: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}
