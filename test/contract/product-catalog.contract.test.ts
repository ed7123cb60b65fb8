import { InMemoryProductCatalog } from '../../src/adapters/memory/in-memory-product-catalog.js';
import { PostgresProductCatalog } from '../../src/adapters/postgres/postgres-product-catalog.js';
import { startPostgresOrm } from './postgres-test-orm.js';
import { productCatalogContract } from './product-catalog.contract.js';

productCatalogContract('InMemoryProductCatalog', async () => ({
  catalog: new InMemoryProductCatalog(),
  stop: async () => undefined,
}));

productCatalogContract('PostgresProductCatalog', async () => {
  const orm = await startPostgresOrm();
  return { catalog: new PostgresProductCatalog(orm), stop: () => orm.close(true) };
});
