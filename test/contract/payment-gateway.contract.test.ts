import { InMemoryPaymentGateway } from '../../src/adapters/memory/in-memory-payment-gateway.js';
import type { LedgerEntry } from '../../src/adapters/payment/simulator/ledger.js';
import type { PaymentOperation } from '../../src/domain/payment/idempotency-key.js';
import { DECLINED_CARD, paymentGatewayContract } from './payment-gateway.contract.js';
import { NOT_REUSABLE_CARD } from './payment-method.contract.js';
import { startPaymentSimulator } from './payment-simulator-server.js';

paymentGatewayContract('InMemoryPaymentGateway', async () => {
  const gateway = new InMemoryPaymentGateway({
    declinedCardTokens: [DECLINED_CARD],
    unkeptCardTokens: [NOT_REUSABLE_CARD],
  });
  return {
    gateway,
    movements: async (authorizationId) =>
      gateway
        .movedMoney()
        .filter((move) => move.authorizationId === authorizationId)
        .map((move) => move.operation),
    stop: async () => undefined,
  };
});

const OPERATION_OF_ENTRY: Record<LedgerEntry['type'], PaymentOperation> = {
  authorization: 'authorize',
  capture: 'capture',
  void: 'void',
  refund: 'refund',
};

paymentGatewayContract('HttpPaymentGateway over the gateway simulator', async () => {
  const simulator = await startPaymentSimulator();
  return {
    gateway: simulator.gateway(),
    movements: async (authorizationId) =>
      (await simulator.ledger({ authorizationId })).map(
        (entry) => OPERATION_OF_ENTRY[entry.type] ?? 'authorize',
      ),
    stop: () => simulator.close(),
  };
});
