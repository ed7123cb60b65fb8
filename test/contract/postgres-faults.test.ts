import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresOrmConfig } from '../../src/adapters/postgres/orm-config.js';
import { PostgresIdempotencyKeys } from '../../src/adapters/postgres/postgres-idempotency-keys.js';
import { PostgresOrderRepository } from '../../src/adapters/postgres/postgres-order-repository.js';
import { PostgresPaymentRepository } from '../../src/adapters/postgres/postgres-payment-repository.js';
import { PostgresProductCatalog } from '../../src/adapters/postgres/postgres-product-catalog.js';
import { DependencyUnavailable, isTransientFault } from '../../src/application/transient-fault.js';
import { Product } from '../../src/domain/catalog/product.js';
import { Money } from '../../src/domain/shared/money.js';
import { ValidationError } from '../../src/domain/shared/validation-error.js';
import { createScratchDatabase, type ScratchDatabase } from '../support/postgres-scratch-database.js';
import { testConfig } from '../support/settings.js';
import { startStallingProxy } from '../support/stalling-proxy.js';
import { aNewOrder } from './order-repository.contract.js';
import { anAuthorizedPayment } from './payment-repository.contract.js';
import { startPostgresOrm } from './postgres-test-orm.js';

const aProduct = Product.create({ id: 'p-1', name: 'Keyboard', unitPrice: Money.of(4_999, 'EUR') });

type Call = [string, (orm: MikroORM) => Promise<unknown>];

const everyCall: Call[] = [
  ['OrderRepository.findById', (orm) => new PostgresOrderRepository(orm).findById('order-1')],
  ['OrderRepository.save', (orm) => new PostgresOrderRepository(orm).save(aNewOrder())],
  ['PaymentRepository.findByOrderId', (orm) => new PostgresPaymentRepository(orm).findByOrderId('order-1')],
  ['PaymentRepository.save', (orm) => new PostgresPaymentRepository(orm).save(anAuthorizedPayment())],
  ['ProductCatalog.findByIds', (orm) => new PostgresProductCatalog(orm).findByIds(['p-1'])],
  ['ProductCatalog.save', (orm) => new PostgresProductCatalog(orm).save(aProduct)],
];

async function errorOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('PostgreSQL adapters when PostgreSQL is unreachable', () => {
  // Nothing listens on port 1: the connection is refused at once.
  const orm = new MikroORM(postgresOrmConfig('postgres://order_saga:order_saga@127.0.0.1:1/order_saga_test'));
  afterAll(() => orm.close(true));

  it.each(everyCall)('%s fails with DependencyUnavailable, which the saga retries', async (_, call) => {
    const error = await errorOf(call(orm));
    expect(error).toBeInstanceOf(DependencyUnavailable);
    expect(error).toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
  });
});

// Chaos runs saw a request answered 500 when PostgreSQL was killed under it: node-postgres reports the
// cut as a plain Error "Connection terminated unexpectedly", which MikroORM passes on unwrapped.
describe('PostgreSQL adapters when the connection drops in the middle of a query', () => {
  const key = `dropped-${Date.now()}`;
  const at = new Date();
  const calls: [string, string, (orm: MikroORM) => Promise<unknown>][] = [
    [
      'OrderRepository.findById',
      'no-such-order',
      (orm) => new PostgresOrderRepository(orm).findById('no-such-order'),
    ],
    [
      'IdempotencyKeys.claim (a query builder insert)',
      key,
      (orm) =>
        new PostgresIdempotencyKeys(orm).claim({
          scope: 'orders',
          key,
          fingerprint: 'f',
          resourceId: 'r',
          at,
        }),
    ],
  ];

  it.each(calls)(
    '%s fails with DependencyUnavailable, which the API answers 503',
    async (_, marker, call) => {
      const database = new URL(testConfig().databaseUrl);
      const proxy = await startStallingProxy(Number(database.port));
      database.port = String(proxy.port);
      const orm = new MikroORM(postgresOrmConfig(database.toString()));
      try {
        await orm.em.fork().execute('select 1');
        const held = proxy.holdNext(marker);
        const failure = errorOf(call(orm));
        await held;
        await proxy.close();
        expect(await failure).toBeInstanceOf(DependencyUnavailable);
      } finally {
        await orm.close(true);
      }
    },
  );
});

describe('PostgreSQL adapters on a database without their schema', () => {
  let scratch: ScratchDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    orm = new MikroORM(postgresOrmConfig(scratch.url));
  });
  afterAll(async () => {
    await orm.close(true);
    await scratch.drop();
  });

  // Retrying cannot create a table: the error is left as it is for people to see.
  it.each(everyCall)('%s fails with the database error, not a transient fault', async (_, call) => {
    const error = await errorOf(call(orm));
    expect(error).toBeInstanceOf(Error);
    expect(isTransientFault(error)).toBe(false);
    expect(String(error)).toMatch(/does not exist/);
  });
});

// Issue 14: a NUL in a parameter answered 503 "PostgreSQL is unavailable" (SQLSTATE 08P01) and a year
// PostgreSQL cannot hold a 500 (22008), with PostgreSQL up. Both are the caller's values: a 400.
describe('PostgreSQL adapters given a value PostgreSQL refuses', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await startPostgresOrm();
  });
  afterAll(() => orm.close(true));

  it.each([
    ['a NUL in an id', { createdAt: new Date('2030-01-01T00:00:00.000Z'), id: 'a\u0000b' }],
    ['a year PostgreSQL cannot hold', { createdAt: new Date('0000-01-01T00:00:00.000Z'), id: 'a' }],
  ])('fails with a ValidationError for %s, not a transient fault', async (_, after) => {
    const error = await errorOf(new PostgresOrderRepository(orm).list({ after, limit: 2 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(isTransientFault(error)).toBe(false);
  });

  it('still answers afterwards on the same pool', async () => {
    await errorOf(new PostgresOrderRepository(orm).findById('a\u0000b'));
    expect(await new PostgresOrderRepository(orm).findById('no-such-order')).toBeNull();
  });
});
