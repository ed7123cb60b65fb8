import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresOrderRepository } from '../../src/adapters/postgres/postgres-order-repository.js';
import { PostgresPaymentRepository } from '../../src/adapters/postgres/postgres-payment-repository.js';
import { ConcurrencyConflict } from '../../src/application/transient-fault.js';
import type { Order } from '../../src/domain/order/order.js';
import { uniqueName } from '../support/settings.js';
import { aNewOrder, failure } from './order-repository.contract.js';
import { anAuthorizedPayment } from './payment-repository.contract.js';
import { startPostgresOrm } from './postgres-test-orm.js';

const WRITERS = 20;
const LATER = new Date('2025-03-04T06:00:00.000Z');

// The writers draw on two connection pools, as two worker processes would, and each save holds its own
// connection: they race inside PostgreSQL, not in Node's event loop.
describe('PostgreSQL optimistic locking', () => {
  let orms: MikroORM[] = [];
  beforeAll(async () => {
    orms = await Promise.all(Array.from({ length: 2 }, () => startPostgresOrm()));
  });
  afterAll(() => Promise.all(orms.map((orm) => orm.close(true))));

  const ordersOf = (writer: number) => new PostgresOrderRepository(orms[writer % orms.length] as MikroORM);
  const paymentsOf = (writer: number) =>
    new PostgresPaymentRepository(orms[writer % orms.length] as MikroORM);

  async function aStoredOrder(): Promise<Order> {
    return ordersOf(0).save(aNewOrder());
  }

  it('lets one of two writers of the same version win and refuses the other', async () => {
    const { id } = await aStoredOrder();
    const [alice, bob] = [await ordersOf(0).findById(id), await ordersOf(1).findById(id)];
    if (alice === null || bob === null) throw new Error('order not stored');
    expect([alice.version, bob.version]).toEqual([1, 1]);

    const won = await ordersOf(0).save(alice.confirm(LATER));
    await expect(ordersOf(1).save(bob.cancel(failure('bob was late'), LATER))).rejects.toBeInstanceOf(
      ConcurrencyConflict,
    );
    expect((await ordersOf(1).findById(id))?.toSnapshot()).toEqual(won.toSnapshot());
  });

  it('lets exactly one of many concurrent writers of the same version win', async () => {
    const stored = await aStoredOrder();
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        ordersOf(writer).save(stored.cancel(failure(`writer ${writer}`), LATER)),
      ),
    );
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(WRITERS - 1);
    for (const reason of refused) expect(reason).toBeInstanceOf(ConcurrencyConflict);
    expect((await ordersOf(0).findById(stored.id))?.toSnapshot()).toEqual(won[0]?.toSnapshot());
  });

  it('lets exactly one of many concurrent creators of the same order win', async () => {
    const order = aNewOrder();
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) => ordersOf(writer).save(order)),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
      expect(outcome.reason).toBeInstanceOf(ConcurrencyConflict);
    }
    expect((await ordersOf(0).findById(order.id))?.lines).toHaveLength(order.lines.length);
  });

  it('lets exactly one of many concurrent payments for the same order be recorded', async () => {
    const orderId = uniqueName('order');
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) => paymentsOf(writer).save(anAuthorizedPayment(orderId))),
    );
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(won).toHaveLength(1);
    expect((await paymentsOf(0).findByOrderId(orderId))?.toSnapshot()).toEqual(won[0]?.toSnapshot());
  });

  it('lets exactly one of many concurrent writers of a payment at the same version win', async () => {
    const stored = await paymentsOf(0).save(anAuthorizedPayment());
    const outcomes = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        paymentsOf(writer).save(writer % 2 === 0 ? stored.capture(LATER) : stored.void(LATER)),
      ),
    );
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(won).toHaveLength(1);
    expect((await paymentsOf(0).findByOrderId(stored.orderId))?.toSnapshot()).toEqual(won[0]?.toSnapshot());
  });
});
