import { MikroORM } from '@mikro-orm/postgresql';
import { postgresOrmConfig } from './orm-config.js';

// Any fixed number: the key of the advisory lock every migrating process of this service takes.
const MIGRATION_LOCK = 7_202_611;

// Applies the committed migrations that the database at `clientUrl` lacks, all in one transaction, and
// returns their names. Processes that start together (replicas, parallel test files) queue on an
// advisory lock, so each migration runs once and the others find nothing left to do.
export async function migratePostgres(clientUrl: string): Promise<readonly string[]> {
  const base = postgresOrmConfig(clientUrl);
  const orm = new MikroORM({ ...base, migrations: { ...base.migrations, silent: true } });
  try {
    return await orm.em.fork().transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      const applied = await orm.migrator.up({ transaction: em.getTransactionContext() });
      return applied.map((migration) => migration.name);
    });
  } finally {
    await orm.close(true);
  }
}
