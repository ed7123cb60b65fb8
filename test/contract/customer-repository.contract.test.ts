import { InMemoryCustomerRepository } from '../../src/adapters/memory/in-memory-customer-repository.js';
import { PostgresCustomerRepository } from '../../src/adapters/postgres/postgres-customer-repository.js';
import { customerRepositoryContract } from './customer-repository.contract.js';
import { startPostgresOrm } from './postgres-test-orm.js';

customerRepositoryContract('InMemoryCustomerRepository', async () => ({
  customers: new InMemoryCustomerRepository(),
  stop: async () => undefined,
}));

customerRepositoryContract('PostgresCustomerRepository', async () => {
  const orm = await startPostgresOrm();
  return { customers: new PostgresCustomerRepository(orm), stop: () => orm.close(true) };
});
