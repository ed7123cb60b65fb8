import { defineConfig, type Options } from '@mikro-orm/postgresql';

// The PostgreSQL context: orders and payments. Entities join this list as the adapter grows.
export function postgresOrmConfig(clientUrl: string): Options {
  return defineConfig({
    contextName: 'postgres',
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: 10 },
    debug: false,
  });
}
