import { describe, expect, it } from 'vitest';
import { aCreatePendingOrderInput, aLineSnapshot } from '../../support/builders.js';
import { createMemoryWorld, DECLINED_CARD, GOOD_CARD, type MemoryWorld } from '../../support/memory-world.js';

const orderId = 'order-1';
const PRODUCTS = ['p-1', 'p-2'];
const why = { code: 'STOCK.INSUFFICIENT', reason: 'no stock' };

type Step = (world: MemoryWorld) => Promise<unknown>;

const create: Step = (w) =>
  w.useCases.createPendingOrder.execute(
    aCreatePendingOrderInput({
      orderId,
      lines: [
        aLineSnapshot({ productId: 'p-1', quantity: 2 }),
        aLineSnapshot({ productId: 'p-2', quantity: 3 }),
      ],
    }),
  );
const reserve: Step = (w) => w.useCases.reserveStock.execute({ orderId });
const release: Step = (w) => w.useCases.releaseStock.execute({ orderId });
const commit: Step = (w) => w.useCases.commitStock.execute({ orderId });
const authorize: Step = (w) => w.useCases.authorizePayment.execute({ orderId, cardToken: GOOD_CARD });
const decline: Step = (w) => w.useCases.authorizePayment.execute({ orderId, cardToken: DECLINED_CARD });
const capture: Step = (w) => w.useCases.capturePayment.execute({ orderId });
const undoPayment: Step = (w) => w.useCases.voidOrRefundPayment.execute({ orderId });
const confirm: Step = (w) => w.useCases.confirmOrder.execute({ orderId });
const cancel: Step = (w) => w.useCases.cancelOrder.execute({ orderId, ...why });
const markFailed: Step = (w) => w.useCases.markCompensationFailed.execute({ orderId, ...why });

// Each saga step and compensation, after the steps the saga would have run before it.
const CASES: readonly [string, readonly Step[], Step][] = [
  ['create the pending order', [], create],
  ['reserve stock', [create], reserve],
  ['release stock', [create, reserve], release],
  ['release stock never reserved', [create], release],
  ['authorize payment', [create, reserve], authorize],
  ['authorize payment with a declined card', [create, reserve], decline],
  ['capture payment', [create, reserve, authorize], capture],
  ['void payment', [create, reserve, authorize], undoPayment],
  ['refund payment', [create, reserve, authorize, capture], undoPayment],
  ['undo a payment never made', [create, reserve], undoPayment],
  ['commit stock', [create, reserve, authorize, capture], commit],
  ['confirm the order', [create, reserve, authorize, capture, commit], confirm],
  ['cancel the order', [create, reserve, release], cancel],
  ['mark the compensation failed', [create, reserve], markFailed],
];

async function outcome(step: Step, world: MemoryWorld): Promise<unknown> {
  try {
    return await step(world);
  } catch (error) {
    return { refused: (error as { code?: unknown }).code };
  }
}

describe('every saga step and compensation', () => {
  it.each(CASES)('run twice, %s has the effect of running it once', async (_, before, step) => {
    const world = createMemoryWorld();
    for (const id of PRODUCTS) await world.stockProduct(id, 10);
    for (const earlier of before) await earlier(world);

    const first = await outcome(step, world);
    const afterOnce = await world.stateOf(orderId, PRODUCTS);
    // A second write would show in updatedAt as well as in the version.
    world.clock.advance(60_000);
    const second = await outcome(step, world);

    expect(await world.stateOf(orderId, PRODUCTS)).toEqual(afterOnce);
    expect(second).toEqual(first);
  });
});
