import { MikroORM } from '@mikro-orm/mongodb';
import { ensureInventoryIndexes } from '../../src/adapters/mongo/inventory-indexes.js';
import { mongoOrmConfig } from '../../src/adapters/mongo/orm-config.js';
import { testConfig } from '../support/settings.js';

// The ORM the composition root would build, on the test database, with the indexes it creates at start.
export async function startMongoOrm(): Promise<MikroORM> {
  const orm = await MikroORM.init(mongoOrmConfig(testConfig().mongodbUrl));
  await ensureInventoryIndexes(orm);
  return orm;
}
