import { InMemoryPaymentRepository } from '../../src/adapters/memory/in-memory-payment-repository.js';
import { PostgresPaymentRepository } from '../../src/adapters/postgres/postgres-payment-repository.js';
import { paymentRepositoryContract } from './payment-repository.contract.js';
import { startPostgresOrm } from './postgres-test-orm.js';

paymentRepositoryContract('InMemoryPaymentRepository', async () => ({
  payments: new InMemoryPaymentRepository(),
  stop: async () => undefined,
}));

paymentRepositoryContract('PostgresPaymentRepository', async () => {
  const orm = await startPostgresOrm();
  return { payments: new PostgresPaymentRepository(orm), stop: () => orm.close(true) };
});
