import { MikroORM } from '@mikro-orm/postgresql';
import { postgresOrmConfig } from '../adapters/postgres/orm-config.js';
import { PostgresApiKeyStore } from '../adapters/postgres/postgres-api-key-store.js';
import { SystemClock } from '../adapters/system/system-clock.js';
import { ApiKeys } from '../application/api-keys.js';
import { isScope, SCOPES } from '../application/caller.js';
import { ConfigError, loadConfig } from './config.js';

const USAGE = `usage:
  npm run keys -- create <name> <scope>[,<scope>...]   scopes: ${SCOPES.join(', ')}
  npm run keys -- list
  npm run keys -- revoke <keyId>`;

// `npm run keys`: API keys of staff and services, in PostgreSQL. A key's secret is printed once, at
// creation; only its hash is stored.
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  const orm = new MikroORM(postgresOrmConfig(config.databaseUrl));
  const keys = new ApiKeys({ apiKeys: new PostgresApiKeyStore(orm), clock: new SystemClock() });
  try {
    switch (command) {
      case 'create': {
        const [name, scopeList] = args;
        const scopes = (scopeList ?? '').split(',').filter((scope) => scope !== '');
        const unknown = scopes.filter((scope) => !isScope(scope));
        if (name === undefined || scopes.length === 0 || unknown.length > 0) {
          return fail(unknown.length > 0 ? `unknown scope ${unknown.join(', ')}\n${USAGE}` : USAGE);
        }
        const { key, secret } = await keys.create(name, scopes.filter(isScope));
        console.log(`created ${key.id} (${key.name}) with ${key.scopes.join(', ')}`);
        console.log(`secret, shown this once (header x-api-key): ${secret}`);
        return;
      }
      case 'list':
        if (config.adminApiKey !== null) {
          console.log(`admin\tADMIN_API_KEY\t${SCOPES.join(',')}\t(from the environment)\tlive`);
        }
        for (const key of await keys.list()) {
          const state = key.revokedAt === null ? 'live' : `revoked ${key.revokedAt.toISOString()}`;
          console.log(
            `${key.id}\t${key.name}\t${key.scopes.join(',')}\t${key.createdAt.toISOString()}\t${state}`,
          );
        }
        return;
      case 'revoke': {
        const [id] = args;
        if (id === undefined) return fail(USAGE);
        if (id === 'admin')
          return fail('the admin key is ADMIN_API_KEY: change it where the API is configured');
        if (!(await keys.revoke(id))) return fail(`no live key ${id}`);
        console.log(`revoked ${id}`);
        return;
      }
      default:
        return fail(USAGE);
    }
  } finally {
    await orm.close(true);
  }
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 2;
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
