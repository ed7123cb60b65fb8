import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentGateway } from '../../src/application/ports/payment-gateway.js';
import { type PaymentOperation, paymentIdempotencyKey } from '../../src/domain/payment/idempotency-key.js';
import { PaymentRejected } from '../../src/domain/payment/payment-errors.js';
import { Money } from '../../src/domain/shared/money.js';
import { paymentMethodContract } from './payment-method.contract.js';
import { anOrderId } from './payment-simulator-server.js';

export interface GatewayUnderTest {
  readonly gateway: PaymentGateway;
  // The money moved on one hold, as the gateway itself records it: how a test tells "once" from "twice".
  movements(authorizationId: string): Promise<readonly PaymentOperation[]>;
  stop(): Promise<void>;
}

export const APPROVED_CARD = 'tok_visa';
export const DECLINED_CARD = 'tok_decline';
const amount = Money.of(4_200, 'EUR');
const key = paymentIdempotencyKey;

// What every PaymentGateway must do, whatever it talks to. Run against each adapter of the port.
export function paymentGatewayContract(name: string, start: () => Promise<GatewayUnderTest>): void {
  describe(`${name} (PaymentGateway contract)`, () => {
    let subject: GatewayUnderTest;
    let gateway: PaymentGateway;
    beforeAll(async () => {
      subject = await start();
      gateway = subject.gateway;
    });
    afterAll(() => subject.stop());

    const authorize = (orderId: string, cardToken = APPROVED_CARD, money = amount) =>
      gateway.authorize({ idempotencyKey: key(orderId, 'authorize'), orderId, amount: money, cardToken });

    async function aHold(): Promise<{ orderId: string; authorizationId: string }> {
      const orderId = anOrderId();
      const result = await authorize(orderId);
      if (result.status !== 'AUTHORIZED') throw new Error(`expected an authorization, got ${result.reason}`);
      return { orderId, authorizationId: result.authorizationId };
    }

    const act = (
      operation: 'capture' | 'void' | 'refund',
      hold: { orderId: string; authorizationId: string },
      money = amount,
    ) =>
      gateway[operation]({
        idempotencyKey: key(hold.orderId, operation),
        authorizationId: hold.authorizationId,
        amount: money,
      });

    const statusOf = async (orderId: string) =>
      (await gateway.findAuthorization(key(orderId, 'authorize')))?.status;

    it('approves a card it accepts and reports the hold under the authorize key', async () => {
      const { orderId, authorizationId } = await aHold();
      expect(await gateway.findAuthorization(key(orderId, 'authorize'))).toEqual({
        authorizationId,
        amount,
        status: 'AUTHORIZED',
      });
    });

    it('declines a declined card as a result with a reason, and holds nothing', async () => {
      const orderId = anOrderId();
      const result = await authorize(orderId, DECLINED_CARD);
      expect(result).toEqual({ status: 'DECLINED', reason: expect.stringMatching(/\S/) });
      expect(await gateway.findAuthorization(key(orderId, 'authorize'))).toBeNull();
    });

    it('answers a repeated authorize with the same key with the first answer, holding the money once', async () => {
      const hold = await aHold();
      expect(await authorize(hold.orderId)).toEqual({
        status: 'AUTHORIZED',
        authorizationId: hold.authorizationId,
      });
      expect(await subject.movements(hold.authorizationId)).toEqual(['authorize']);
    });

    it('finds no authorization under a key that was never used', async () => {
      expect(await gateway.findAuthorization(key(anOrderId(), 'authorize'))).toBeNull();
    });

    it('captures a hold once, however often the capture is sent with the same key', async () => {
      const hold = await aHold();
      await act('capture', hold);
      await act('capture', hold);
      expect(await statusOf(hold.orderId)).toBe('CAPTURED');
      expect(await subject.movements(hold.authorizationId)).toEqual(['authorize', 'capture']);
    });

    it('voids a hold once, however often the void is sent with the same key', async () => {
      const hold = await aHold();
      await act('void', hold);
      await act('void', hold);
      expect(await statusOf(hold.orderId)).toBe('VOIDED');
      expect(await subject.movements(hold.authorizationId)).toEqual(['authorize', 'void']);
    });

    it('refunds a capture once, however often the refund is sent with the same key', async () => {
      const hold = await aHold();
      await act('capture', hold);
      await act('refund', hold);
      await act('refund', hold);
      expect(await statusOf(hold.orderId)).toBe('REFUNDED');
      expect(await subject.movements(hold.authorizationId)).toEqual(['authorize', 'capture', 'refund']);
    });

    describe('refuses an illegal sequence with PAYMENT.REJECTED and moves no money', () => {
      const refusals = [
        ['capture a voided hold', ['void'], 'capture', amount],
        ['void a voided hold again under a new key', ['void'], 'void-again', amount],
        ['void a captured hold', ['capture'], 'void', amount],
        ['refund a hold that was never captured', [], 'refund', amount],
        ['capture more than was authorized', [], 'capture', Money.of(4_201, 'EUR')],
        ['refund more than was captured', ['capture'], 'refund', Money.of(4_201, 'EUR')],
      ] as const;

      it.each(refusals)('%s', async (_, before, operation, money) => {
        const hold = await aHold();
        for (const step of before) await act(step, hold);
        const movedBefore = await subject.movements(hold.authorizationId);
        const call =
          operation === 'void-again'
            ? gateway.void({
                idempotencyKey: `${key(hold.orderId, 'void')}-again`,
                authorizationId: hold.authorizationId,
              })
            : act(operation, hold, money);
        const refusal = await call.then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refusal).toBeInstanceOf(PaymentRejected);
        expect(refusal).toMatchObject({ code: 'PAYMENT.REJECTED' });
        expect(await subject.movements(hold.authorizationId)).toEqual(movedBefore);
      });

      it('capture an authorization it never made', async () => {
        const hold = { orderId: anOrderId(), authorizationId: 'auth-never-made' };
        await expect(act('capture', hold)).rejects.toBeInstanceOf(PaymentRejected);
      });
    });

    describe('payment methods', () => paymentMethodContract(() => gateway));
  });
}
