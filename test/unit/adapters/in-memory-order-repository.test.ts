import { describe, expect, it } from 'vitest';
import { InMemoryOrderRepository } from '../../../src/adapters/memory/in-memory-order-repository.js';
import { aPendingOrder, T0 } from '../../support/builders.js';

describe('InMemoryOrderRepository', () => {
  it('stores a new order at version 1 and finds it again', async () => {
    const orders = new InMemoryOrderRepository();
    const saved = await orders.save(aPendingOrder());
    expect(saved.version).toBe(1);
    expect((await orders.findById('order-1'))?.toSnapshot()).toEqual(saved.toSnapshot());
  });

  it('finds nothing for an unknown id', async () => {
    expect(await new InMemoryOrderRepository().findById('nope')).toBeNull();
  });

  it('refuses a second new order with the same id', async () => {
    const orders = new InMemoryOrderRepository();
    await orders.save(aPendingOrder());
    await expect(orders.save(aPendingOrder())).rejects.toMatchObject({
      code: 'TRANSIENT.CONCURRENT_MODIFICATION',
    });
  });

  it('refuses a write made from a stale read and keeps the first writer', async () => {
    const orders = new InMemoryOrderRepository();
    await orders.save(aPendingOrder());
    const first = await orders.findById('order-1');
    const second = await orders.findById('order-1');
    if (first === null || second === null) throw new Error('order not stored');
    await orders.save(first.confirm(T0));
    await expect(orders.save(second.cancel({ code: 'X', reason: 'late' }, T0))).rejects.toMatchObject({
      code: 'TRANSIENT.CONCURRENT_MODIFICATION',
    });
    expect((await orders.findById('order-1'))?.status).toBe('CONFIRMED');
  });

  it('bumps the version on every write', async () => {
    const orders = new InMemoryOrderRepository();
    const saved = await orders.save(aPendingOrder());
    expect((await orders.save(saved.confirm(T0))).version).toBe(2);
  });
});
