import { InMemoryCustomerRepository } from '../../src/adapters/memory/in-memory-customer-repository.js';
import { InMemoryInventory } from '../../src/adapters/memory/in-memory-inventory.js';
import { InMemoryMailer } from '../../src/adapters/memory/in-memory-mailer.js';
import { InMemoryOrderRepository } from '../../src/adapters/memory/in-memory-order-repository.js';
import { InMemoryPaymentGateway } from '../../src/adapters/memory/in-memory-payment-gateway.js';
import { InMemoryPaymentRepository } from '../../src/adapters/memory/in-memory-payment-repository.js';
import { InMemoryProductCatalog } from '../../src/adapters/memory/in-memory-product-catalog.js';
import { InMemoryRegistrationStarter } from '../../src/adapters/memory/in-memory-registration-starter.js';
import { InMemorySagaStarter } from '../../src/adapters/memory/in-memory-saga-starter.js';
import { ManualClock } from '../../src/adapters/memory/manual-clock.js';
import { SequentialIdGenerator } from '../../src/adapters/memory/sequential-id-generator.js';
import {
  createRegistrationUseCases,
  type RegistrationUseCases,
} from '../../src/application/registration-use-cases.js';
import { customerRegistrationDefinition } from '../../src/application/sagas/customer-registration.js';
import { orderSagaDefinition } from '../../src/application/sagas/order-saga.js';
import { createUseCases, type UseCases } from '../../src/application/use-cases.js';
import { T0 } from './builders.js';
import { type InMemoryActivities, type NewsScript, runSaga, type SagaResult } from './run-saga.js';

export const DECLINED_CARD = 'tok_declined';
export const GOOD_CARD = 'tok_visa';
export const NOT_REUSABLE_CARD = 'tok_not_reusable';

export type MemoryWorld = ReturnType<typeof createMemoryWorld>;

// Every port on its memory adapter, the use-cases over them, and ways to seed and observe them. With
// runSagas, placing an order runs its saga's definition in process (test/support/run-saga.ts) before
// returning; so does registering a customer.
export function createMemoryWorld(options: { runSagas?: boolean; news?: NewsScript } = {}) {
  const sagaResults = new Map<string, SagaResult>();
  const registrationResults = new Map<string, SagaResult>();
  const clock = new ManualClock(T0);
  const customers = new InMemoryCustomerRepository();
  const ports = {
    orders: new InMemoryOrderRepository(),
    customers,
    payments: new InMemoryPaymentRepository(),
    catalog: new InMemoryProductCatalog(),
    inventory: new InMemoryInventory(clock),
    gateway: new InMemoryPaymentGateway({
      declinedCardTokens: [DECLINED_CARD],
      unkeptCardTokens: [NOT_REUSABLE_CARD],
    }),
    sagas: new InMemorySagaStarter(
      options.runSagas === true
        ? async (input, sagaId) => {
            const activities = activitiesOf(useCases);
            sagaResults.set(
              input.orderId,
              await runSaga(orderSagaDefinition, activities, input, sagaId, options.news),
            );
          }
        : undefined,
    ),
    clock,
    ids: new SequentialIdGenerator('id'),
  };
  const useCases = createUseCases(ports);
  const mailer = new InMemoryMailer();
  const registrationUseCases = createRegistrationUseCases({ ...ports, mailer });
  const registrations = new InMemoryRegistrationStarter(
    options.runSagas === true
      ? async (input) => {
          const activities = {
            ...activitiesOf(registrationUseCases),
            markRegistrationStuck: async () => undefined,
          };
          const sagaId = `customer-${input.customerId}`;
          registrationResults.set(
            input.customerId,
            await runSaga(customerRegistrationDefinition, activities, input, sagaId),
          );
        }
      : undefined,
  );

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

  return {
    ...ports,
    ports,
    useCases,
    stockProduct,
    stateOf,
    sagaResults,
    customers,
    mailer,
    registrations,
    registrationUseCases,
    registrationResults,
  };
}

// The use-cases as activities of the same names, as the worker's createActivities makes them.
function activitiesOf(useCases: UseCases | RegistrationUseCases): InMemoryActivities {
  return Object.fromEntries(
    Object.entries(useCases).map(([name, useCase]) => [name, (input: never) => useCase.execute(input)]),
  );
}
