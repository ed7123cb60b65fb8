import { MikroORM } from '@mikro-orm/postgresql';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { testConfig, uniqueName } from './settings.js';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

// An empty database of its own, for the tests that must start from nothing (migrations), or that must
// see no other suite's rows (the fuzz run, which lists and acts on every order it can find), which the
// shared test database stopped being after its first run.
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const { databaseUrl } = testConfig();
  const name = uniqueName('order_saga_scratch').replaceAll('-', '_');
  const admin = new MikroORM(postgresOrmConfig(databaseUrl));
  await admin.em.getConnection().execute(`create database "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.em.getConnection().execute(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.close(true);
      }
    },
  };
}
