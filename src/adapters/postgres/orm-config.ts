import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { postgresEntities } from './entities.js';

// Resolved from this file rather than the working directory, so tsx, vitest and the MikroORM CLI all
// find the same folder, and a compiled build finds its compiled migrations beside this file.
const migrationsPath = fileURLToPath(new URL('./migrations', import.meta.url));

// The PostgreSQL context: orders, payments and the product catalogue.
export function postgresOrmConfig(clientUrl: string): Options {
  return defineConfig({
    contextName: 'postgres',
    clientUrl,
    entities: postgresEntities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationsPath,
      pathTs: migrationsPath,
      glob: '!(*.d).{js,ts}',
      // One snapshot whatever the database is called, so migration:create diffs offline against the
      // committed schema; applying migrations never rewrites it (no writes into src/ at run time).
      snapshotName: '.schema-snapshot',
      snapshotOnMigrate: false,
      emit: 'ts',
    },
    pool: { min: 0, max: 10 },
    debug: false,
  });
}
