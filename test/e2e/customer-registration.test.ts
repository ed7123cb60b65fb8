import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../packages/client/src/index.js';
import { FileMailCatcher } from '../../src/adapters/mail/file-mail-catcher.js';
import { HttpPaymentGateway } from '../../src/adapters/payment/http-payment-gateway.js';
import { uniqueName } from '../support/settings.js';
import { ApiService, eventually } from './api-service.js';

// The registration saga on the real stack (PostgreSQL, the simulator, Temporal, the worker's mail
// catcher), driven through the generated SDK; the gateway and the outbox are read as they are.
describe('customer registration against the running service', () => {
  let service: ApiService;

  beforeAll(async () => {
    service = await ApiService.start();
  });
  afterAll(() => service?.stop());

  async function register(cardToken: string) {
    const customerId = uniqueName('reg');
    const email = `${customerId}@example.com`;
    const sdk = createClient({
      baseUrl: service.baseUrl,
      customerToken: await service.customerToken(customerId),
    });
    const accepted = await sdk.POST('/customers', {
      body: { name: 'Ada Lovelace', email, cardToken },
      params: { header: { 'idempotency-key': `register-${customerId}` } },
    });
    expect(accepted.response.status).toBe(202);
    expect(accepted.data?.customerId).toBe(customerId);
    const read = () => sdk.GET('/customers/{customerId}', { params: { path: { customerId } } });
    const settled = await eventually(read, ({ data }) =>
      data?.status === 'DELETED' ? true : data?.status === 'ACTIVE' && data.paymentMethodId !== null,
    );
    const gateway = new HttpPaymentGateway({ baseUrl: service.config.paymentGatewayUrl });
    return {
      customer: settled.data,
      methods: await gateway.paymentMethodsOf(customerId),
      mail: async () =>
        (await new FileMailCatcher(service.config.mailOutboxPath).outbox()).filter((m) => m.to === email),
    };
  }

  it('registers a customer: ACTIVE, the card kept at the gateway, welcomed once', async () => {
    const { customer, methods, mail } = await register('tok_visa');
    expect(customer).toMatchObject({ status: 'ACTIVE', paymentMethodId: methods[0] });
    expect(methods).toHaveLength(1);
    expect(await eventually(mail, (sent) => sent.length > 0, 10_000)).toHaveLength(1);
  });

  it('undoes the registration of a card the gateway will not keep: DELETED, no card kept, no mail', async () => {
    const { customer, methods, mail } = await register('tok_not_reusable');
    expect(customer).toMatchObject({ status: 'DELETED', paymentMethodId: null });
    expect(methods).toEqual([]);
    expect(await mail()).toEqual([]);
  });
});
