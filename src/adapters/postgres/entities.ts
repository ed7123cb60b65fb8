import { ApiKeyRecord } from './api-key.entity.js';
import { CustomerRecord } from './customer.entity.js';
import { IdempotencyKeyRecord } from './idempotency-key.entity.js';
import { OrderLineRecord, OrderRecord } from './order.entity.js';
import { PaymentRecord } from './payment.entity.js';
import { ProductRecord } from './product.entity.js';

export const postgresEntities = [
  OrderRecord,
  OrderLineRecord,
  PaymentRecord,
  ProductRecord,
  IdempotencyKeyRecord,
  ApiKeyRecord,
  CustomerRecord,
];
