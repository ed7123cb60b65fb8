import { migratePostgres } from '../adapters/postgres/migrate-postgres.js';
import { ConfigError, loadConfig } from './config.js';

// `npm run migrate`: brings the PostgreSQL schema of DATABASE_URL up to date. Run it before the API
// and the worker start: they never change the schema themselves.
async function main(): Promise<void> {
  const config = loadConfig();
  const target = withoutPassword(config.databaseUrl);
  const applied = await migratePostgres(config.databaseUrl);
  if (applied.length === 0) {
    console.log(`${target}: schema up to date, no migration to apply`);
    return;
  }
  for (const name of applied) console.log(`${target}: applied ${name}`);
  console.log(`${target}: ${applied.length} migration(s) applied`);
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`migration failed, nothing was applied: ${reason}`);
  }
  process.exit(1);
});
