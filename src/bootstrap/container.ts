import 'reflect-metadata';
import { MikroORM as MongoOrm } from '@mikro-orm/mongodb';
import { MikroORM as PostgresOrm } from '@mikro-orm/postgresql';
import { Client, Connection } from '@temporalio/client';
import { type DependencyContainer, instanceCachingFactory, container as root } from 'tsyringe';
import { FileMailCatcher } from '../adapters/mail/file-mail-catcher.js';
import { SmtpMailer } from '../adapters/mail/smtp-mailer.js';
import { ensureInventoryIndexes } from '../adapters/mongo/inventory-indexes.js';
import { MongoInventory } from '../adapters/mongo/mongo-inventory.js';
import { mongoOrmConfig } from '../adapters/mongo/orm-config.js';
import { HttpPaymentGateway } from '../adapters/payment/http-payment-gateway.js';
import { postgresOrmConfig } from '../adapters/postgres/orm-config.js';
import { PostgresApiKeyStore } from '../adapters/postgres/postgres-api-key-store.js';
import { PostgresCustomerRepository } from '../adapters/postgres/postgres-customer-repository.js';
import { PostgresIdempotencyKeys } from '../adapters/postgres/postgres-idempotency-keys.js';
import { PostgresOrderRepository } from '../adapters/postgres/postgres-order-repository.js';
import { PostgresPaymentRepository } from '../adapters/postgres/postgres-payment-repository.js';
import { PostgresProductCatalog } from '../adapters/postgres/postgres-product-catalog.js';
import { SystemClock } from '../adapters/system/system-clock.js';
import { UuidIdGenerator } from '../adapters/system/uuid-id-generator.js';
import { dataConverterOf } from '../adapters/temporal/data-converter.js';
import { TemporalRegistrationStarter } from '../adapters/temporal/temporal-registration-starter.js';
import { TemporalSagaControl } from '../adapters/temporal/temporal-saga-control.js';
import { TemporalSagaStarter } from '../adapters/temporal/temporal-saga-starter.js';
import { clientTracingInterceptors } from '../adapters/temporal/tracing-interceptors.js';
import { type ApiSettings, type ApiUseCases, createApiUseCases } from '../application/api-use-cases.js';
import type { ApiKeyStore } from '../application/ports/api-key-store.js';
import type { Clock } from '../application/ports/clock.js';
import type { CustomerRepository } from '../application/ports/customer-repository.js';
import type { IdGenerator } from '../application/ports/id-generator.js';
import type { IdempotencyKeys } from '../application/ports/idempotency-keys.js';
import type { Inventory } from '../application/ports/inventory.js';
import type { InventoryReconciliation } from '../application/ports/inventory-reconciliation.js';
import type { Mailer } from '../application/ports/mailer.js';
import type { OrderRepository } from '../application/ports/order-repository.js';
import type { PaymentGateway } from '../application/ports/payment-gateway.js';
import type { PaymentRepository } from '../application/ports/payment-repository.js';
import type { ProductCatalog } from '../application/ports/product-catalog.js';
import type { RegistrationStarter } from '../application/ports/registration-starter.js';
import type { SagaControl } from '../application/ports/saga-control.js';
import type { SagaStarter } from '../application/ports/saga-starter.js';
import { createUseCases, type Ports, type UseCases } from '../application/use-cases.js';
import type { Config } from './config.js';
import { type DependencyCheck, dependencyChecks } from './dependency-checks.js';

// One token per port and shared resource; every wiring decision of the service lives in this file.
export const tokens = {
  config: Symbol('Config'),
  postgres: Symbol('PostgresOrm'),
  mongo: Symbol('MongoOrm'),
  temporalClient: Symbol('TemporalClient'),
  orders: Symbol('OrderRepository'),
  payments: Symbol('PaymentRepository'),
  catalog: Symbol('ProductCatalog'),
  inventory: Symbol('Inventory'),
  gateway: Symbol('PaymentGateway'),
  sagas: Symbol('SagaStarter'),
  clock: Symbol('Clock'),
  ids: Symbol('IdGenerator'),
  sagaControl: Symbol('SagaControl'),
  idempotencyKeys: Symbol('IdempotencyKeys'),
  apiKeys: Symbol('ApiKeyStore'),
  customers: Symbol('CustomerRepository'),
  registrations: Symbol('RegistrationStarter'),
  mailer: Symbol('Mailer'),
  useCases: Symbol('UseCases'),
  apiUseCases: Symbol('ApiUseCases'),
  dependencyChecks: Symbol('DependencyChecks'),
} as const;

export interface Resources {
  readonly container: DependencyContainer;
  readonly useCases: UseCases;
  readonly dependencyChecks: readonly DependencyCheck[];
  // Connects to the databases and creates MongoDB's indexes; throws when a database is down.
  prepare(): Promise<void>;
  close(): Promise<void>;
}

// The worker resolves no API use-cases, so it needs no API settings.
const NO_API: ApiSettings = { cursorKey: '', adminApiKey: null };

// traced: whether the sagas this process starts make spans in their workflow (workflow-tracing.ts);
// a process that exports no traces starts them untraced, which costs the worker less.
export function createContainer(
  config: Config,
  api: ApiSettings = NO_API,
  { traced = false }: { traced?: boolean } = {},
): Resources {
  // Nothing connects here, so a process can start (and report itself not ready) while a database is down.
  const postgres = new PostgresOrm(postgresOrmConfig(config.databaseUrl));
  const mongo = new MongoOrm(mongoOrmConfig(config.mongodbUrl));
  const connection = Connection.lazy({ address: config.temporalAddress });
  const client = new Client({
    connection,
    namespace: config.temporalNamespace,
    interceptors: clientTracingInterceptors(),
    dataConverter: dataConverterOf(config.payloadKeys),
  });

  const container = root.createChildContainer();
  const single = <T>(token: symbol, make: (c: DependencyContainer) => T) =>
    container.register<T>(token, { useFactory: instanceCachingFactory<T>(make) });
  container.register(tokens.config, { useValue: config });
  container.register(tokens.postgres, { useValue: postgres });
  container.register(tokens.mongo, { useValue: mongo });
  container.register(tokens.temporalClient, { useValue: client });
  single<OrderRepository>(tokens.orders, () => new PostgresOrderRepository(postgres));
  single<PaymentRepository>(tokens.payments, () => new PostgresPaymentRepository(postgres));
  single<ProductCatalog>(tokens.catalog, () => new PostgresProductCatalog(postgres));
  single<Inventory & InventoryReconciliation>(
    tokens.inventory,
    (c) => new MongoInventory(mongo, { clock: c.resolve<Clock>(tokens.clock) }),
  );
  single<PaymentGateway>(
    tokens.gateway,
    () =>
      new HttpPaymentGateway({
        baseUrl: config.paymentGatewayUrl,
        timeoutMs: config.paymentGatewayTimeoutMs,
      }),
  );
  single<SagaStarter>(
    tokens.sagas,
    () =>
      new TemporalSagaStarter(client, config.temporalTaskQueue, {
        shippingDeadlineSeconds: config.shippingDeadlineSeconds,
        traced,
      }),
  );
  single<SagaControl>(
    tokens.sagaControl,
    () => new TemporalSagaControl(client, { timeoutMs: config.temporalCallTimeoutMs }),
  );
  single<IdempotencyKeys>(tokens.idempotencyKeys, () => new PostgresIdempotencyKeys(postgres));
  single<ApiKeyStore>(tokens.apiKeys, () => new PostgresApiKeyStore(postgres));
  single<CustomerRepository>(tokens.customers, () => new PostgresCustomerRepository(postgres));
  single<RegistrationStarter>(
    tokens.registrations,
    () => new TemporalRegistrationStarter(client, config.temporalTaskQueue, { traced }),
  );
  single<Mailer>(tokens.mailer, () =>
    config.smtpUrl === null
      ? new FileMailCatcher(config.mailOutboxPath)
      : new SmtpMailer({ url: config.smtpUrl, from: config.mailFrom }),
  );
  single<Clock>(tokens.clock, () => new SystemClock());
  single<IdGenerator>(tokens.ids, () => new UuidIdGenerator());
  const ports = (c: DependencyContainer): Ports => ({
    orders: c.resolve(tokens.orders),
    payments: c.resolve(tokens.payments),
    catalog: c.resolve(tokens.catalog),
    customers: c.resolve(tokens.customers),
    inventory: c.resolve(tokens.inventory),
    gateway: c.resolve(tokens.gateway),
    sagas: c.resolve(tokens.sagas),
    clock: c.resolve(tokens.clock),
    ids: c.resolve(tokens.ids),
  });
  single<UseCases>(tokens.useCases, (c) => createUseCases(ports(c)));
  single<ApiUseCases>(tokens.apiUseCases, (c) =>
    createApiUseCases(
      {
        ...ports(c),
        sagaControl: c.resolve(tokens.sagaControl),
        idempotencyKeys: c.resolve(tokens.idempotencyKeys),
        apiKeys: c.resolve(tokens.apiKeys),
        registrations: c.resolve(tokens.registrations),
      },
      api,
    ),
  );
  single<DependencyCheck[]>(tokens.dependencyChecks, () => dependencyChecks(postgres, mongo, connection));

  return {
    container,
    useCases: container.resolve<UseCases>(tokens.useCases),
    dependencyChecks: container.resolve<DependencyCheck[]>(tokens.dependencyChecks),
    async prepare() {
      await Promise.all([postgres.connect(), mongo.connect()]);
      await ensureInventoryIndexes(mongo);
    },
    async close() {
      await Promise.allSettled([postgres.close(true), mongo.close(true), connection.close()]);
    },
  };
}
