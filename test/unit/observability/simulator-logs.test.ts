import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createPaymentSimulator } from '../../../src/adapters/payment/simulator/payment-simulator.js';

function simulatorLogging() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, app: createPaymentSimulator({ logger: { level: 'info', stream } }) };
}

// The gateway's lines are joined to the service's by orderId: a gateway knows no saga.
describe("the simulator's logs", () => {
  it('name the order on every line a call about it writes once routed, capture and decline included', async () => {
    const { lines, app } = simulatorLogging();
    const authorize = (orderId: string, cardToken: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/authorizations',
        headers: { 'idempotency-key': `${orderId}:authorize` },
        payload: { orderId, amount: 1000, currency: 'EUR', cardToken },
      });

    const hold = (await authorize('o-1', 'tok_visa')).json<{ id: string }>();
    await app.inject({
      method: 'POST',
      url: `/v1/authorizations/${hold.id}/capture`,
      headers: { 'idempotency-key': 'o-1:capture' },
      payload: { amount: 1000, currency: 'EUR' },
    });
    await authorize('o-2', 'tok_decline');
    await app.close();

    const routed = lines.filter((line) => line.msg !== 'incoming request' && line.reqId !== undefined);
    expect(routed.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        'authorized',
        'captured',
        'The card was declined (card_declined)',
        'request completed',
      ]),
    );
    expect(routed.filter((line) => line.orderId === undefined)).toEqual([]);
    expect(routed.filter((line) => line.orderId === 'o-1')).toHaveLength(4);
  });
});
