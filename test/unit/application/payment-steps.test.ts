import { beforeEach, describe, expect, it } from 'vitest';
import { paymentIdempotencyKey } from '../../../src/domain/payment/idempotency-key.js';
import { aCreatePendingOrderInput } from '../../support/builders.js';
import { createMemoryWorld, DECLINED_CARD, GOOD_CARD, type MemoryWorld } from '../../support/memory-world.js';

let world: MemoryWorld;
const orderId = 'order-1';
const authorize = (cardToken = GOOD_CARD) => world.useCases.authorizePayment.execute({ orderId, cardToken });
const operations = () => world.gateway.movedMoney().map((move) => move.operation);

beforeEach(async () => {
  world = createMemoryWorld();
  await world.useCases.createPendingOrder.execute(aCreatePendingOrderInput({ orderId }));
});

describe('AuthorizePayment', () => {
  it("holds exactly the order's total", async () => {
    const payment = await authorize();
    expect(payment).toMatchObject({ status: 'AUTHORIZED', amount: { amount: 2500, currency: 'EUR' } });
    expect(world.gateway.movedMoney()[0]?.amount.toSnapshot()).toEqual({ amount: 2500, currency: 'EUR' });
  });

  it('refuses a declined card, and records the decline so a retry answers without the gateway', async () => {
    await expect(authorize(DECLINED_CARD)).rejects.toMatchObject({ code: 'PAYMENT.DECLINED' });
    world.gateway.faults.failNext(1, 'before');
    await expect(authorize(DECLINED_CARD)).rejects.toMatchObject({ code: 'PAYMENT.DECLINED' });
    expect((await world.payments.findByOrderId(orderId))?.status).toBe('DECLINED');
  });

  it('holds money once when the first answer was lost', async () => {
    world.gateway.faults.failNext(1, 'after');
    await expect(authorize()).rejects.toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
    await authorize();
    expect(operations()).toEqual(['authorize']);
  });

  it('refuses an order that is no longer pending', async () => {
    await world.useCases.cancelOrder.execute({ orderId, code: 'X', reason: 'gave up' });
    await expect(authorize()).rejects.toMatchObject({ code: 'ORDER.NOT_PENDING' });
    expect(operations()).toEqual([]);
  });
});

describe('CapturePayment', () => {
  it('takes the money held', async () => {
    await authorize();
    expect(await world.useCases.capturePayment.execute({ orderId })).toMatchObject({ status: 'CAPTURED' });
    expect(operations()).toEqual(['authorize', 'capture']);
  });

  it('refuses when nothing was authorized', async () => {
    await expect(world.useCases.capturePayment.execute({ orderId })).rejects.toMatchObject({
      code: 'PAYMENT.NOT_FOUND',
    });
  });

  it('refuses a voided payment without calling the gateway', async () => {
    await authorize();
    await world.useCases.voidOrRefundPayment.execute({ orderId });
    await expect(world.useCases.capturePayment.execute({ orderId })).rejects.toMatchObject({
      code: 'PAYMENT.ILLEGAL_TRANSITION',
    });
    expect(operations()).toEqual(['authorize', 'void']);
  });
});

describe('VoidOrRefundPayment', () => {
  it('voids a hold that was not captured', async () => {
    await authorize();
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toMatchObject({
      outcome: 'VOIDED',
      payment: { status: 'VOIDED' },
    });
  });

  it('refunds a capture', async () => {
    await authorize();
    await world.useCases.capturePayment.execute({ orderId });
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toMatchObject({
      outcome: 'REFUNDED',
      payment: { status: 'REFUNDED', amount: { amount: 2500 } },
    });
    expect(operations()).toEqual(['authorize', 'capture', 'refund']);
  });

  it('does nothing when no money was ever held', async () => {
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toEqual({
      orderId,
      outcome: 'NOTHING_TO_UNDO',
      payment: null,
    });
  });

  it('does nothing for a declined card', async () => {
    await expect(authorize(DECLINED_CARD)).rejects.toThrow();
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toMatchObject({
      outcome: 'NOTHING_TO_UNDO',
    });
  });

  it('voids a hold whose answer was lost before we recorded it, and records it', async () => {
    world.gateway.faults.failNext(1, 'after');
    await expect(authorize()).rejects.toThrow();
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toMatchObject({
      outcome: 'VOIDED',
      payment: { status: 'VOIDED', amount: { amount: 2500 } },
    });
    expect(await world.gateway.findAuthorization(paymentIdempotencyKey(orderId, 'authorize'))).toMatchObject({
      status: 'VOIDED',
    });
  });

  it('refunds a capture whose answer was lost, though our record still says AUTHORIZED', async () => {
    await authorize();
    world.gateway.faults.failNext(1, 'after');
    await expect(world.useCases.capturePayment.execute({ orderId })).rejects.toThrow();
    expect((await world.payments.findByOrderId(orderId))?.status).toBe('AUTHORIZED');
    expect(await world.useCases.voidOrRefundPayment.execute({ orderId })).toMatchObject({
      outcome: 'REFUNDED',
    });
    expect(operations()).toEqual(['authorize', 'capture', 'refund']);
  });
});
