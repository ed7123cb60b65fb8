import type { MikroORM as MongoOrm } from '@mikro-orm/mongodb';
import type { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import type { Connection } from '@temporalio/client';
import type { DependencyCheck } from '../adapters/http/health.routes.js';

export type { DependencyCheck };

// What the readiness probe asks, for real, of each system the service cannot work without.
export function dependencyChecks(
  postgres: PostgresOrm,
  mongo: MongoOrm,
  temporal: Connection,
): DependencyCheck[] {
  const orm = (name: string, orm: PostgresOrm | MongoOrm): DependencyCheck => ({
    name,
    async check() {
      if (!(await orm.isConnected())) await orm.connect();
      const result = await orm.checkConnection();
      if (!result.ok) throw new Error(result.reason);
    },
  });
  return [
    orm('postgres', postgres),
    orm('mongodb', mongo),
    {
      name: 'temporal',
      async check() {
        await temporal.ensureConnected();
        const { status } = await temporal.healthService.check({});
        if (status !== 1) throw new Error(`health status ${status}`);
      },
    },
  ];
}
