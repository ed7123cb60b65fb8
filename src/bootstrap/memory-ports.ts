import { InMemoryApiKeyStore } from '../adapters/memory/in-memory-api-key-store.js';
import { InMemoryCustomerRepository } from '../adapters/memory/in-memory-customer-repository.js';
import { InMemoryIdempotencyKeys } from '../adapters/memory/in-memory-idempotency-keys.js';
import { InMemoryInventory } from '../adapters/memory/in-memory-inventory.js';
import { InMemoryOrderRepository } from '../adapters/memory/in-memory-order-repository.js';
import { InMemoryPaymentGateway } from '../adapters/memory/in-memory-payment-gateway.js';
import { InMemoryPaymentRepository } from '../adapters/memory/in-memory-payment-repository.js';
import { InMemoryProductCatalog } from '../adapters/memory/in-memory-product-catalog.js';
import { InMemoryRegistrationStarter } from '../adapters/memory/in-memory-registration-starter.js';
import { InMemorySagaControl } from '../adapters/memory/in-memory-saga-control.js';
import { InMemorySagaStarter } from '../adapters/memory/in-memory-saga-starter.js';
import { SystemClock } from '../adapters/system/system-clock.js';
import { UuidIdGenerator } from '../adapters/system/uuid-id-generator.js';
import type { ApiPorts } from '../application/api-use-cases.js';

// Every port of the API on its memory adapter: what writing the OpenAPI document needs, with no
// database or Temporal to reach.
export function memoryPorts(): ApiPorts {
  const sagas = new InMemorySagaStarter();
  const clock = new SystemClock();
  return {
    orders: new InMemoryOrderRepository(),
    payments: new InMemoryPaymentRepository(),
    catalog: new InMemoryProductCatalog(),
    inventory: new InMemoryInventory(),
    gateway: new InMemoryPaymentGateway(),
    sagas,
    clock,
    ids: new UuidIdGenerator(),
    sagaControl: new InMemorySagaControl(sagas, clock),
    idempotencyKeys: new InMemoryIdempotencyKeys(),
    apiKeys: new InMemoryApiKeyStore(),
    customers: new InMemoryCustomerRepository(),
    registrations: new InMemoryRegistrationStarter(),
  };
}
