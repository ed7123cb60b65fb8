import { MikroORM } from '@mikro-orm/postgresql';
import { migratePostgres } from '../../src/adapters/postgres/migrate-postgres.js';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { testConfig } from '../support/settings.js';

// The ORM the composition root would build, on the test database, migrated as `npm run migrate` would.
// Suites share the database and tell their rows apart by unique ids, so nothing is truncated.
export async function startPostgresOrm(): Promise<MikroORM> {
  const { databaseUrl } = testConfig();
  await migratePostgres(databaseUrl);
  const orm = new MikroORM(postgresOrmConfig(databaseUrl));
  await refuseDrift(orm);
  return orm;
}

// The migrations table says what was applied, not what is still there: a suite that syncs its own
// entities with schema.update() drops every table it does not know. Say so, rather than let every
// test fail on a missing relation.
async function refuseDrift(orm: MikroORM): Promise<void> {
  const drift = await orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: false });
  if (drift.trim() === '') return;
  await orm.close(true);
  throw new Error(
    `the test database no longer has the schema its recorded migrations built; something changed it ` +
      `behind their back. Repair: drop table if exists order_lines, orders, payments, products; ` +
      `delete from mikro_orm_migrations; then run the suite again. Missing:\n${drift}`,
  );
}
