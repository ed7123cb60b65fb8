import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { productsIn } from '../../src/adapters/mongo/product-stock-document.js';
import { reconciliationContract } from './inventory-reconciliation.contract.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

reconciliationContract('InMemoryInventory', async () => {
  const inventory = new InMemoryInventory();
  return {
    inventory,
    overwriteCounters: async (level) => inventory.overwriteCounters(level),
    stop: async () => undefined,
  };
});

reconciliationContract('MongoInventory on FerretDB', async () => {
  const orm = await startMongoOrm();
  return {
    inventory: new MongoInventory(orm),
    overwriteCounters: async ({ productId, available, reserved, committed }) => {
      await productsIn(orm).updateOne(
        { productId },
        { $set: { availableStock: available, reservedStock: reserved, committedStock: committed } },
      );
    },
    stop: () => stopMongoOrm(orm),
  };
});
