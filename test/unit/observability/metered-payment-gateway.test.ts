import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InMemoryPaymentGateway } from '../../../src/adapters/memory/in-memory-payment-gateway.js';
import {
  MeteredPaymentGateway,
  PaymentGatewayMetrics,
} from '../../../src/adapters/observability/metered-payment-gateway.js';
import { Money } from '../../../src/domain/shared/money.js';
import { parseExposition, sampleSum } from '../../support/prometheus-text.js';

function metered() {
  const registry = new Registry();
  const inner = new InMemoryPaymentGateway({ declinedCardTokens: ['tok_decline'] });
  const gateway = new MeteredPaymentGateway(inner, new PaymentGatewayMetrics(registry));
  const count = async (labels: Record<string, string>) =>
    sampleSum(parseExposition(await registry.metrics()), 'order_saga_payment_gateway_requests_total', labels);
  return { inner, gateway, count };
}

const amount = Money.of(1250, 'EUR');
const authorize = (key: string, cardToken = 'tok_visa') => ({
  idempotencyKey: key,
  orderId: 'o-1',
  amount,
  cardToken,
});

describe('MeteredPaymentGateway', () => {
  it('counts an approval as ok and a decline as declined: answers, not errors', async () => {
    const { gateway, count } = metered();

    await gateway.authorize(authorize('k-1'));
    await gateway.authorize(authorize('k-2', 'tok_decline'));

    expect(await count({ operation: 'authorize', outcome: 'ok' })).toBe(1);
    expect(await count({ operation: 'authorize', outcome: 'declined' })).toBe(1);
    expect(await count({ outcome: 'error' })).toBe(0);
  });

  it('counts an outage as error and a refusal as rejected, and lets both through unchanged', async () => {
    const { inner, gateway, count } = metered();
    inner.faults.failNext();

    await expect(gateway.authorize(authorize('k-1'))).rejects.toMatchObject({
      code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE',
    });
    await expect(
      gateway.void({ idempotencyKey: 'k-2', authorizationId: 'auth-unknown' }),
    ).rejects.toMatchObject({
      code: 'PAYMENT.REJECTED',
    });

    expect(await count({ operation: 'authorize', outcome: 'error' })).toBe(1);
    expect(await count({ operation: 'void', outcome: 'rejected' })).toBe(1);
  });
});
