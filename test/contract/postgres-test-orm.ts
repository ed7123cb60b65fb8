import { MikroORM } from '@mikro-orm/postgresql';
import { migratePostgres } from '../../src/adapters/postgres/migrate-postgres.js';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { testConfig } from '../support/settings.js';

// The ORM the composition root would build, on the test database, migrated as `npm run migrate` would.
// Suites share the database and tell their rows apart by unique ids, so nothing is truncated.
export async function startPostgresOrm(): Promise<MikroORM> {
  const { databaseUrl } = testConfig();
  await migratePostgres(databaseUrl);
  return new MikroORM(postgresOrmConfig(databaseUrl));
}
