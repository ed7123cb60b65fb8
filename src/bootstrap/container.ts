import 'reflect-metadata';
import { MikroORM as MongoOrm } from '@mikro-orm/mongodb';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import { Connection } from '@temporalio/client';
import { type DependencyContainer, container as root } from 'tsyringe';
import type { DependencyCheck } from '../adapters/http/health.routes.js';
import { mongoOrmConfig } from '../adapters/mongo/orm-config.js';
import { postgresOrmConfig } from '../adapters/postgres/orm-config.js';
import type { Config } from './config.js';

// One token per dependency; every wiring decision of the service lives in this file.
export const tokens = {
  config: Symbol('Config'),
  postgres: Symbol('PostgresOrm'),
  mongo: Symbol('MongoOrm'),
  temporal: Symbol('TemporalConnection'),
  dependencyChecks: Symbol('DependencyChecks'),
} as const;

export interface Resources {
  readonly container: DependencyContainer;
  close(): Promise<void>;
}

export async function createContainer(config: Config): Promise<Resources> {
  // The ORMs connect lazily, so the API starts (and reports itself not ready) while a database is down.
  const postgres = new PostgresOrm(postgresOrmConfig(config.databaseUrl));
  const mongo = new MongoOrm(mongoOrmConfig(config.mongodbUrl));
  const temporal = Connection.lazy({ address: config.temporalAddress });

  const container = root.createChildContainer();
  container.register(tokens.config, { useValue: config });
  container.register(tokens.postgres, { useValue: postgres });
  container.register(tokens.mongo, { useValue: mongo });
  container.register(tokens.temporal, { useValue: temporal });
  container.register(tokens.dependencyChecks, {
    useFactory: () => dependencyChecks(postgres, mongo, temporal),
  });

  return {
    container,
    async close() {
      await Promise.allSettled([postgres.close(true), mongo.close(true), temporal.close()]);
    },
  };
}

function dependencyChecks(postgres: PostgresOrm, mongo: MongoOrm, temporal: Connection): DependencyCheck[] {
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
