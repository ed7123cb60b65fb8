import { beforeEach, describe, expect, it } from 'vitest';
import { aCreatePendingOrderInput, T0 } from '../../support/builders.js';
import { createMemoryWorld, type MemoryWorld } from '../../support/memory-world.js';

let world: MemoryWorld;
const orderId = 'order-1';
const why = { code: 'PAYMENT.DECLINED', reason: 'card declined' };

beforeEach(async () => {
  world = createMemoryWorld();
  await world.useCases.createPendingOrder.execute(aCreatePendingOrderInput({ orderId }));
  world.clock.advance(60_000);
});

describe('the order steps', () => {
  it('CreatePendingOrder stores a PENDING order with its saga id, total and time', async () => {
    expect(await world.useCases.getOrder.execute({ orderId })).toMatchObject({
      status: 'PENDING',
      sagaId: 'order-saga-order-1',
      total: { amount: 2500, currency: 'EUR' },
      createdAt: T0.toISOString(),
      version: 1,
    });
  });

  it('ConfirmOrder confirms a pending order', async () => {
    const confirmed = await world.useCases.confirmOrder.execute({ orderId });
    expect(confirmed).toMatchObject({
      status: 'CONFIRMED',
      version: 2,
      updatedAt: '2025-01-01T00:01:00.000Z',
    });
  });

  it('CancelOrder cancels a pending order with the reason', async () => {
    expect(await world.useCases.cancelOrder.execute({ orderId, ...why })).toMatchObject({
      status: 'CANCELLED',
      failure: why,
    });
  });

  it('CancelOrder cancels a confirmed order (not shipped yet) and refuses a shipped one', async () => {
    await world.useCases.confirmOrder.execute({ orderId });
    await world.useCases.shipOrder.execute({ orderId, carrier: 'DHL', trackingNumber: 'T1' });
    await expect(world.useCases.cancelOrder.execute({ orderId, ...why })).rejects.toMatchObject({
      code: 'ORDER.NOT_CANCELLABLE',
    });
  });

  it('ConfirmOrder refuses a cancelled order', async () => {
    await world.useCases.cancelOrder.execute({ orderId, ...why });
    await expect(world.useCases.confirmOrder.execute({ orderId })).rejects.toMatchObject({
      code: 'ORDER.ILLEGAL_TRANSITION',
    });
  });

  it('MarkCompensationFailed leaves the order visible to an operator, who can then cancel it', async () => {
    const stuck = { code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE', reason: 'inventory down' };
    expect(await world.useCases.markCompensationFailed.execute({ orderId, ...stuck })).toMatchObject({
      status: 'COMPENSATION_FAILED',
      failure: stuck,
    });
    expect(await world.useCases.cancelOrder.execute({ orderId, ...why })).toMatchObject({
      status: 'CANCELLED',
    });
  });

  it.each(['getOrder', 'confirmOrder'] as const)('%s refuses an unknown order', async (useCase) => {
    await expect(world.useCases[useCase].execute({ orderId: 'nope' })).rejects.toMatchObject({
      code: 'ORDER.NOT_FOUND',
    });
  });
});
