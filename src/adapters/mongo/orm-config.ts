import { defineConfig, type Options } from '@mikro-orm/mongodb';

// The MongoDB context: products and their stock reservations (FerretDB in the local stack).
export function mongoOrmConfig(clientUrl: string): Options {
  return defineConfig({
    contextName: 'mongo',
    clientUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    // FerretDB has no multi-document transactions; the inventory adapter never relies on them.
    implicitTransactions: false,
    debug: false,
  });
}
