import { MikroORM } from '@mikro-orm/mongodb';
import { MongoInventory } from '../../src/adapters/mongo/mongo-inventory.js';
import { mongoOrmConfig } from '../../src/adapters/mongo/orm-config.js';
import { isTransientFault } from '../../src/application/transient-fault.js';
import { testConfig } from '../support/settings.js';
import { type StallingProxy, startStallingProxy } from '../support/stalling-proxy.js';
import { startMongoOrm, stopMongoOrm } from './mongo-test-orm.js';

// Short, so that a test need not wait ten seconds for a lock to be taken over; long enough for a holder
// on a busy machine to reach the write that the proxy then holds back.
export const LEASE_MS = 1_500;

// A process whose writes pass a proxy that can hold any of them back.
export interface ProxiedInventory {
  readonly inventory: MongoInventory;
  readonly proxy: StallingProxy;
  close(): Promise<void>;
}

export interface LateWriteInventories {
  // A process whose writes reach FerretDB at once.
  readonly inventory: MongoInventory;
  // Another process, behind a proxy.
  readonly stale: MongoInventory;
  readonly proxy: StallingProxy;
  close(): Promise<void>;
}

export async function startProxiedInventory(): Promise<ProxiedInventory> {
  const url = new URL(testConfig().mongodbUrl);
  const proxy = await startStallingProxy(Number(url.port));
  url.port = String(proxy.port);
  const orm = await MikroORM.init(mongoOrmConfig(url.toString()));
  return {
    inventory: new MongoInventory(orm, { leaseMs: LEASE_MS }),
    proxy,
    async close() {
      proxy.release();
      await orm.close(true);
      await proxy.close();
    },
  };
}

export async function startLateWriteInventories(): Promise<LateWriteInventories> {
  const orm = await startMongoOrm();
  const stale = await startProxiedInventory();
  return {
    inventory: new MongoInventory(orm, { leaseMs: LEASE_MS }),
    stale: stale.inventory,
    proxy: stale.proxy,
    async close() {
      await stale.close();
      await stopMongoOrm(orm);
    },
  };
}

// What the saga's retry policy does with a step: a transient fault (a lease lost on a starved process,
// a database that did not answer in time) is tried again; a business refusal is the step's outcome.
export async function asTheSagaRetries<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!isTransientFault(error) || attempt >= attempts) throw error;
    }
  }
}
