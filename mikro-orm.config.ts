// Both MikroORM contexts, for the MikroORM CLI: `npx mikro-orm debug --context postgres` (or mongo).
import { mongoOrmConfig } from './src/adapters/mongo/orm-config.js';
import { postgresOrmConfig } from './src/adapters/postgres/orm-config.js';
import { loadConfig } from './src/bootstrap/config.js';

const config = loadConfig();

export default [postgresOrmConfig(config.databaseUrl), mongoOrmConfig(config.mongodbUrl)];
