import { describe, expect, it } from 'vitest';
import { InMemorySagaStarter } from '../../../src/adapters/memory/in-memory-saga-starter.js';
import { aLineSnapshot } from '../../support/builders.js';

const input = { orderId: 'o-1', customerId: 'c-1', cardToken: 'tok', lines: [aLineSnapshot()] };

describe('InMemorySagaStarter', () => {
  it('starts the saga of an order once and gives the same saga id again', async () => {
    let runs = 0;
    const sagas = new InMemorySagaStarter(async () => {
      runs += 1;
    });
    const first = await sagas.startOrderSaga(input);
    expect(await sagas.startOrderSaga(input)).toEqual(first);
    expect(runs).toBe(1);
    expect(sagas.started()).toEqual([input]);
  });
});
