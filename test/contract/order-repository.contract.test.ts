import { InMemoryOrderRepository } from '../../src/adapters/memory/in-memory-order-repository.js';
import { PostgresOrderRepository } from '../../src/adapters/postgres/postgres-order-repository.js';
import { orderRepositoryContract } from './order-repository.contract.js';
import { startPostgresOrm } from './postgres-test-orm.js';

orderRepositoryContract('InMemoryOrderRepository', async () => ({
  orders: new InMemoryOrderRepository(),
  stop: async () => undefined,
}));

orderRepositoryContract('PostgresOrderRepository', async () => {
  const orm = await startPostgresOrm();
  return { orders: new PostgresOrderRepository(orm), stop: () => orm.close(true) };
});
