import { MikroORM } from '@mikro-orm/mongodb';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { mongoOrmConfig } from '../../src/adapters/mongo/orm-config.js';
import { testConfig } from '../support/settings.js';
import { type StallingProxy, startStallingProxy } from '../support/stalling-proxy.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

// Short, so that a test need not wait ten seconds for a lock to be taken over; long enough for a holder
// on a busy machine to reach the write that the proxy then holds back.
export const LEASE_MS = 1_500;

export interface LateWriteInventories {
  // A process whose writes reach FerretDB at once.
  readonly inventory: MongoInventory;
  // Another process, whose writes pass a proxy that can hold any of them back.
  readonly stale: MongoInventory;
  readonly proxy: StallingProxy;
  close(): Promise<void>;
}

export async function startLateWriteInventories(): Promise<LateWriteInventories> {
  const orm = await startMongoOrm();
  const url = new URL(testConfig().mongodbUrl);
  const proxy = await startStallingProxy(Number(url.port));
  url.port = String(proxy.port);
  const staleOrm = await MikroORM.init(mongoOrmConfig(url.toString()));
  return {
    inventory: new MongoInventory(orm, { leaseMs: LEASE_MS }),
    stale: new MongoInventory(staleOrm, { leaseMs: LEASE_MS }),
    proxy,
    async close() {
      proxy.release();
      await staleOrm.close(true);
      await proxy.close();
      await stopMongoOrm(orm);
    },
  };
}
