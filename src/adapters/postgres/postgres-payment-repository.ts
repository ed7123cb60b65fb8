import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { PaymentRepository } from '../../application/ports/payment-repository.js';
import { ConcurrencyConflict } from '../../application/transient-fault.js';
import { Payment } from '../../domain/payment/payment.js';
import { PaymentRecord } from './payment.entity.js';
import { fromPaymentRecord, toPaymentChanges, toPaymentRecord } from './payment-mapper.js';
import { isUniqueViolation, withPostgresFaults } from './postgres-faults.js';

// Payments, one per order, with the same optimistic locking as orders: a fork per call, a unique
// order_id against a second new payment, a compare-and-set on the version against a stale one.
export class PostgresPaymentRepository implements PaymentRepository {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  findByOrderId(orderId: string): Promise<Payment | null> {
    return withPostgresFaults(async () => {
      const record = await this.orm.em.fork().findOne(PaymentRecord, { orderId });
      return record === null ? null : fromPaymentRecord(record);
    });
  }

  save(payment: Payment): Promise<Payment> {
    return withPostgresFaults(async () => {
      const em = this.orm.em.fork();
      if (payment.version === 0) await this.insert(em, payment);
      else await this.update(em, payment);
      return Payment.fromSnapshot({ ...payment.toSnapshot(), version: payment.version + 1 });
    });
  }

  private async insert(em: EntityManager, payment: Payment): Promise<void> {
    try {
      await em.insert(PaymentRecord, toPaymentRecord(payment, 1));
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.conflict(payment);
      throw error;
    }
  }

  // The order is part of the condition, so a payment cannot be written over another order's row.
  private async update(em: EntityManager, payment: Payment): Promise<void> {
    const updated = await em.nativeUpdate(
      PaymentRecord,
      { id: payment.id, orderId: payment.orderId, version: payment.version },
      toPaymentChanges(payment, payment.version + 1),
    );
    if (updated === 0) throw await this.conflict(payment);
  }

  private async conflict(payment: Payment): Promise<ConcurrencyConflict> {
    const stored = await this.orm.em
      .fork()
      .findOne(PaymentRecord, { orderId: payment.orderId }, { fields: ['version'] });
    return new ConcurrencyConflict('Payment', payment.id, payment.version, stored?.version ?? 0);
  }
}
