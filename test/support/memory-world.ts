import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { InMemoryOrderRepository } from '../../src/adapters/memory/in-memory-order-repository.js';
import { InMemoryPaymentGateway } from '../../src/adapters/memory/in-memory-payment-gateway.js';
import { InMemoryPaymentRepository } from '../../src/adapters/memory/in-memory-payment-repository.js';
import { InMemoryProductCatalog } from '../../src/adapters/memory/in-memory-product-catalog.js';
import { InMemorySagaStarter } from '../../src/adapters/memory/in-memory-saga-starter.js';
import { ManualClock } from '../../src/adapters/memory/manual-clock.js';
import { SequentialIdGenerator } from '../../src/adapters/memory/sequential-id-generator.js';
import { createUseCases } from '../../src/application/use-cases.js';
import { T0 } from './builders.js';
import { runSaga, type SagaResult } from './run-saga.js';

export const DECLINED_CARD = 'tok_declined';
export const GOOD_CARD = 'tok_visa';

export type MemoryWorld = ReturnType<typeof createMemoryWorld>;

// Every port on its memory adapter, the use-cases over them, and ways to seed and observe them. With
// runSagas, placing an order runs its saga in process (test/support/run-saga.ts) before returning.
export function createMemoryWorld(options: { runSagas?: boolean } = {}) {
  const sagaResults = new Map<string, SagaResult>();
  const clock = new ManualClock(T0);
  const ports = {
    orders: new InMemoryOrderRepository(),
    payments: new InMemoryPaymentRepository(),
    catalog: new InMemoryProductCatalog(),
    inventory: new InMemoryInventory(clock),
    gateway: new InMemoryPaymentGateway({ declinedCardTokens: [DECLINED_CARD] }),
    sagas: new InMemorySagaStarter(
      options.runSagas === true
        ? async (input, sagaId) => {
            sagaResults.set(input.orderId, await runSaga(useCases, input, sagaId));
          }
        : undefined,
    ),
    clock,
    ids: new SequentialIdGenerator('id'),
  };
  const useCases = createUseCases(ports);

  async function stockProduct(productId: string, quantity: number, unitPrice = 1000): Promise<void> {
    await useCases.registerProduct.execute({
      id: productId,
      name: `Product ${productId}`,
      unitPrice: { amount: unitPrice, currency: 'EUR' },
    });
    if (quantity > 0) await useCases.restockProduct.execute({ productId, quantity });
  }

  // Everything a saga step could have changed for one order, as plain data to compare.
  async function stateOf(orderId: string, productIds: readonly string[]) {
    return {
      order: (await ports.orders.findById(orderId))?.toSnapshot() ?? null,
      payment: (await ports.payments.findByOrderId(orderId))?.toSnapshot() ?? null,
      reservations: await ports.inventory.reservationsOf(orderId),
      stock: await Promise.all(productIds.map((id) => ports.inventory.stockOf(id))),
      movedMoney: ports.gateway.movedMoney().map((move) => ({ ...move, amount: move.amount.toSnapshot() })),
    };
  }

  return { ...ports, ports, useCases, stockProduct, stateOf, sagaResults };
}
