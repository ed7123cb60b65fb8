import { beforeEach, describe, expect, it } from 'vitest';
import { aCreatePendingOrderInput, aLineSnapshot } from '../../support/builders.js';
import { createMemoryWorld, type MemoryWorld } from '../../support/memory-world.js';

let world: MemoryWorld;
const orderId = 'order-1';

beforeEach(async () => {
  world = createMemoryWorld();
  await world.stockProduct('p-1', 5);
  await world.stockProduct('p-2', 1);
  await world.useCases.createPendingOrder.execute(
    aCreatePendingOrderInput({
      orderId,
      lines: [
        aLineSnapshot({ productId: 'p-1', quantity: 2 }),
        aLineSnapshot({ productId: 'p-2', quantity: 1 }),
      ],
    }),
  );
});

describe('the stock steps', () => {
  it('ReserveStock holds every line of the order', async () => {
    const { reservations } = await world.useCases.reserveStock.execute({ orderId });
    expect(reservations.map((r) => `${r.productId}:${r.quantity}:${r.status}`)).toEqual([
      'p-1:2:HELD',
      'p-2:1:HELD',
    ]);
  });

  it('ReserveStock refuses when a line lacks stock, holding nothing', async () => {
    await world.useCases.reserveStock.execute({ orderId });
    await world.useCases.createPendingOrder.execute(
      aCreatePendingOrderInput({
        orderId: 'order-2',
        lines: [
          aLineSnapshot({ productId: 'p-1', quantity: 1 }),
          aLineSnapshot({ productId: 'p-2', quantity: 1 }),
        ],
      }),
    );
    await expect(world.useCases.reserveStock.execute({ orderId: 'order-2' })).rejects.toMatchObject({
      code: 'STOCK.INSUFFICIENT',
    });
    expect(await world.inventory.reservationsOf('order-2')).toEqual([]);
    expect(await world.useCases.getProductStock.execute({ productId: 'p-1' })).toMatchObject({
      available: 3,
    });
  });

  it('ReserveStock refuses an order that is no longer pending and holds nothing for it', async () => {
    await world.useCases.cancelOrder.execute({ orderId, code: 'X', reason: 'gave up' });
    await expect(world.useCases.reserveStock.execute({ orderId })).rejects.toMatchObject({
      code: 'ORDER.NOT_PENDING',
    });
    expect(await world.inventory.reservationsOf(orderId)).toEqual([]);
  });

  it('ReserveStock, run again once the order moved on, answers with what the order holds', async () => {
    const first = await world.useCases.reserveStock.execute({ orderId });
    await world.useCases.cancelOrder.execute({ orderId, code: 'X', reason: 'gave up' });
    expect(await world.useCases.reserveStock.execute({ orderId })).toEqual(first);
    expect(await world.useCases.getProductStock.execute({ productId: 'p-1' })).toMatchObject({
      available: 3,
      reserved: 2,
    });
  });

  it('ReleaseStock puts the held stock back', async () => {
    await world.useCases.reserveStock.execute({ orderId });
    await world.useCases.releaseStock.execute({ orderId });
    expect(await world.useCases.getProductStock.execute({ productId: 'p-1' })).toMatchObject({
      available: 5,
      reserved: 0,
    });
  });

  it('CommitStock takes the held stock out for good', async () => {
    await world.useCases.reserveStock.execute({ orderId });
    await world.useCases.commitStock.execute({ orderId });
    expect(await world.useCases.getProductStock.execute({ productId: 'p-1' })).toEqual({
      productId: 'p-1',
      available: 3,
      reserved: 0,
      committed: 2,
    });
  });

  it('RestockProduct adds to what is available', async () => {
    expect(await world.useCases.restockProduct.execute({ productId: 'p-2', quantity: 4 })).toMatchObject({
      available: 5,
    });
  });

  it.each(['restockProduct', 'getProductStock'] as const)(
    '%s refuses an unknown product',
    async (useCase) => {
      await expect(world.useCases[useCase].execute({ productId: 'nope', quantity: 1 })).rejects.toMatchObject(
        {
          code: 'PRODUCT.NOT_FOUND',
        },
      );
    },
  );

  it('GetProductStock reports zero for a product registered but never stocked', async () => {
    await world.stockProduct('p-new', 0);
    expect(await world.useCases.getProductStock.execute({ productId: 'p-new' })).toMatchObject({
      available: 0,
    });
  });
});
