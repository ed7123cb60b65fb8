import { defineEntity, type InferEntity, p } from '@mikro-orm/postgresql';
import { CUSTOMER_STATUSES } from '../../domain/customer/customer.js';

export const CustomerRecord = defineEntity({
  name: 'CustomerRecord',
  tableName: 'customers',
  properties: {
    id: p.string().length(100).primary(),
    name: p.string().length(200),
    email: p.string().length(254),
    status: p.enum(CUSTOMER_STATUSES),
    paymentMethodId: p.string().length(100).nullable(),
    createdAt: p.datetime(3),
    updatedAt: p.datetime(3),
  },
});

export type CustomerRecord = InferEntity<typeof CustomerRecord>;
