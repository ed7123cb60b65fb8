import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { inventoryContract } from './inventory.contract.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

inventoryContract('InMemoryInventory', async () => ({
  inventory: new InMemoryInventory(),
  stop: async () => undefined,
}));

inventoryContract('MongoInventory on FerretDB', async () => {
  const orm = await startMongoOrm();
  return { inventory: new MongoInventory(orm), stop: () => stopMongoOrm(orm) };
});
