import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';
import { PAYMENT_STATUSES } from '../../domain/payment/payment-status.js';

// One payment per order: the unique order_id is what refuses a second one, even from a writer that
// never read the first.
export const PaymentRecord = defineEntity({
  name: 'PaymentRecord',
  tableName: 'payments',
  properties: {
    id: p.string().length(100).primary(),
    orderId: p.string().length(100).unique(),
    amount: p.bigint('number'),
    currency: p.character().length(3),
    status: p.enum(PAYMENT_STATUSES),
    authorizationId: p.string().length(100).nullable(),
    declineReason: p.string().length(500).nullable(),
    paymentMethodId: p.string().length(100).nullable(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
    version: p.integer(),
  },
  checks: [{ name: 'payments_amount_check', expression: 'amount >= 0' }],
});

export type PaymentRecord = InferEntity<typeof PaymentRecord>;
