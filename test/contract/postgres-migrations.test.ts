import { MikroORM } from '@mikro-orm/postgresql';
import { afterEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/adapters/postgres/migrate-postgres.js';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres-scratch-database.js';

describe('PostgreSQL migrations', () => {
  let scratch: ScratchDatabase | undefined;
  afterEach(async () => {
    await scratch?.drop();
    scratch = undefined;
  });

  it('build on an empty database exactly the schema the entity schemas describe', async () => {
    scratch = await createScratchDatabase();
    expect(await migratePostgres(scratch.url)).not.toHaveLength(0);
    const orm = new MikroORM(postgresOrmConfig(scratch.url));
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    } finally {
      await orm.close(true);
    }
  });

  it('are applied once when several processes migrate the same database at the same time', async () => {
    scratch = await createScratchDatabase();
    const url = scratch.url;
    const runs = await Promise.all(Array.from({ length: 5 }, () => migratePostgres(url)));
    const applied = runs.flat();
    expect(new Set(applied).size).toBe(applied.length);
    expect(runs.filter((run) => run.length > 0)).toHaveLength(1);
    expect(await migratePostgres(url)).toEqual([]);
  });
});
