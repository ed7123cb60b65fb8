import type { PaymentRepository } from '../../application/ports/payment-repository.js';
import { ConcurrencyConflict } from '../../application/transient-fault.js';
import { Payment, type PaymentSnapshot } from '../../domain/payment/payment.js';

// Keyed by order: an order has one payment, as a unique index on orderId will ensure in PostgreSQL.
export class InMemoryPaymentRepository implements PaymentRepository {
  private readonly rows = new Map<string, PaymentSnapshot>();

  async findByOrderId(orderId: string): Promise<Payment | null> {
    const row = this.rows.get(orderId);
    return row === undefined ? null : Payment.fromSnapshot(row);
  }

  async save(payment: Payment): Promise<Payment> {
    const stored = this.rows.get(payment.orderId);
    const storedVersion = stored?.version ?? 0;
    if (payment.version !== storedVersion || (stored !== undefined && stored.id !== payment.id)) {
      throw new ConcurrencyConflict('Payment', payment.id, payment.version, storedVersion);
    }
    const row = { ...payment.toSnapshot(), version: storedVersion + 1 };
    this.rows.set(payment.orderId, row);
    return Payment.fromSnapshot(row);
  }
}
