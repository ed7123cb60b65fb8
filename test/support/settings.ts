import { type Config, loadConfig } from '../../src/bootstrap/config.js';

// The suites talk to the same local stack as the service, but keep their rows in a database of their own
// so a test run never touches the data of a developer's running service.
export function testConfig(): Config {
  const config = loadConfig();
  const databaseUrl = process.env.TEST_DATABASE_URL ?? withDatabase(config.databaseUrl, 'order_saga_test');
  const mongodbUrl = process.env.TEST_MONGODB_URL ?? withDatabase(config.mongodbUrl, 'order_saga_test');
  return { ...config, databaseUrl, mongodbUrl };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
