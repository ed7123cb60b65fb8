export type PaymentOperation = 'authorize' | 'capture' | 'void' | 'refund';

// The gateway deduplicates on this key: a retried step sends the same key and gets the first answer
// instead of moving money twice. One order has one payment, so order + operation is unique.
export function paymentIdempotencyKey(orderId: string, operation: PaymentOperation): string {
  return `order-${orderId}-${operation}`;
}
