import { randomUUID } from 'node:crypto';
import type { AmountBody, Authorization, AuthorizeBody, Refund } from '../wire.js';
import { GatewayRefusal } from './gateway-refusal.js';
import type { Ledger } from './ledger.js';

// The simulator's holds on cards and what happened to them. Like common gateways: one capture per
// authorization, of at most the amount held (the rest is released); refunds, possibly several, of at
// most what was captured; a void only of a hold not yet captured. Every movement goes to the ledger.
export class Authorizations {
  private readonly ledger: Ledger;
  private readonly holds = new Map<string, Authorization>();
  private readonly byIdempotencyKey = new Map<string, string>();

  constructor(ledger: Ledger) {
    this.ledger = ledger;
  }

  authorize(
    request: Omit<AuthorizeBody, 'cardToken' | 'customerId'> & { idempotencyKey: string },
  ): Authorization {
    const { idempotencyKey, ...held } = request;
    // Random ids, so that a restarted simulator never hands out an id the saga already stored.
    const id = `auth_${randomUUID().replaceAll('-', '')}`;
    const hold: Authorization = {
      ...held,
      id,
      status: 'AUTHORIZED',
      capturedAmount: 0,
      refundedAmount: 0,
      createdAt: new Date().toISOString(),
    };
    this.holds.set(id, hold);
    this.byIdempotencyKey.set(idempotencyKey, id);
    this.ledger.record({ type: 'authorization', authorizationId: id, ...held });
    return hold;
  }

  capture(id: string, money: AmountBody): Authorization {
    const hold = this.require(id);
    this.requireStatus(hold, 'AUTHORIZED', 'captured');
    this.requireWithin(hold, money, hold.amount, 'amount_exceeds_authorized', 'authorized');
    return this.move(hold, { status: 'CAPTURED', capturedAmount: money.amount }, 'capture', money.amount);
  }

  void(id: string): Authorization {
    const hold = this.require(id);
    this.requireStatus(hold, 'AUTHORIZED', 'voided');
    return this.move(hold, { status: 'VOIDED' }, 'void', hold.amount);
  }

  refund(id: string, money: AmountBody): Refund {
    const hold = this.require(id);
    if (hold.status === 'AUTHORIZED' || hold.status === 'VOIDED')
      this.requireStatus(hold, 'CAPTURED', 'refunded');
    const refundable = hold.capturedAmount - hold.refundedAmount;
    this.requireWithin(
      hold,
      money,
      refundable,
      'amount_exceeds_refundable',
      'left to refund of the captured',
    );
    const refundedAmount = hold.refundedAmount + money.amount;
    const status = refundedAmount === hold.capturedAmount ? 'REFUNDED' : 'CAPTURED';
    this.move(hold, { status, refundedAmount }, 'refund', money.amount);
    return {
      id: `re_${randomUUID().replaceAll('-', '')}`,
      authorizationId: id,
      ...money,
      createdAt: new Date().toISOString(),
    };
  }

  find(id: string): Authorization | undefined {
    return this.holds.get(id);
  }

  findByIdempotencyKey(key: string): Authorization | undefined {
    const id = this.byIdempotencyKey.get(key);
    return id === undefined ? undefined : this.holds.get(id);
  }

  require(id: string): Authorization {
    const hold = this.holds.get(id);
    if (hold === undefined)
      throw new GatewayRefusal(404, 'authorization_not_found', `No authorization ${id}`);
    return hold;
  }

  private requireStatus(hold: Authorization, status: Authorization['status'], action: string): void {
    if (hold.status === status) return;
    const message = `Authorization ${hold.id} is ${hold.status}; it must be ${status} to be ${action}`;
    throw new GatewayRefusal(409, 'invalid_authorization_state', message);
  }

  private requireWithin(
    hold: Authorization,
    money: AmountBody,
    limit: number,
    code: string,
    what: string,
  ): void {
    if (money.currency !== hold.currency) {
      const message = `Authorization ${hold.id} is in ${hold.currency}, not ${money.currency}`;
      throw new GatewayRefusal(422, 'currency_mismatch', message);
    }
    if (money.amount > limit) {
      const message = `Amount ${money.amount} exceeds the ${limit} ${what} amount of authorization ${hold.id}`;
      throw new GatewayRefusal(422, code, message);
    }
  }

  private move(
    hold: Authorization,
    change: Partial<Authorization>,
    type: 'capture' | 'void' | 'refund',
    amount: number,
  ): Authorization {
    const moved = { ...hold, ...change };
    this.holds.set(hold.id, moved);
    const { id: authorizationId, orderId, currency, paymentMethodId } = hold;
    const method = paymentMethodId === undefined ? {} : { paymentMethodId };
    this.ledger.record({ type, authorizationId, orderId, amount, currency, ...method });
    return moved;
  }
}
