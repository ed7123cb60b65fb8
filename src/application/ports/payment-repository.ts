import type { Payment } from '../../domain/payment/payment.js';

export interface PaymentRepository {
  findByOrderId(orderId: string): Promise<Payment | null>;
  // As OrderRepository.save: returns the payment at version + 1, and refuses a stale version, or a
  // second new payment for the same order, with ConcurrencyConflict.
  save(payment: Payment): Promise<Payment>;
}
