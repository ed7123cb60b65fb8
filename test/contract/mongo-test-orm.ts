import { MikroORM } from '@mikro-orm/mongodb';
import { ensureInventoryIndexes } from '../../src/adapters/mongo/inventory-indexes.js';
import { ORDER_PRODUCTS } from '../../src/adapters/mongo/order-products.js';
import { mongoOrmConfig } from '../../src/adapters/mongo/orm-config.js';
import { PRODUCT_LOCKS } from '../../src/adapters/mongo/product-locks.js';
import { PRODUCTS } from '../../src/adapters/mongo/product-stock-document.js';
import { RESTOCKS } from '../../src/adapters/mongo/restocks.js';
import { SETTLED_ORDERS } from '../../src/adapters/mongo/settled-orders.js';
import { SETTLED_RESERVATIONS } from '../../src/adapters/mongo/settled-reservations.js';
import { testConfig } from '../support/settings.js';
import { RUN_PREFIX } from './inventory-subject.js';

// The ORM the composition root would build, on the test database, with the indexes it creates at start.
export async function startMongoOrm(): Promise<MikroORM> {
  const orm = await MikroORM.init(mongoOrmConfig(testConfig().mongodbUrl));
  await ensureInventoryIndexes(orm);
  return orm;
}

// FerretDB 1.x scans a whole collection for any filter but a lone _id, so stock left behind by every
// run would slow every later one down. Only this file's products go: other suites may be running.
export async function stopMongoOrm(orm: MikroORM): Promise<void> {
  const mine = { productId: { $regex: `^${RUN_PREFIX}-` } };
  const connection = orm.em.getConnection();
  for (const name of [PRODUCTS, PRODUCT_LOCKS, SETTLED_RESERVATIONS, RESTOCKS])
    await connection.getCollection(name).deleteMany(mine);
  for (const name of [ORDER_PRODUCTS, SETTLED_ORDERS])
    await connection.getCollection<{ _id: string }>(name).deleteMany({ _id: { $regex: `^${RUN_PREFIX}-` } });
  await orm.close(true);
}
