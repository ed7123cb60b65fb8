import type { Registry } from 'prom-client';
import type { DependencyContainer } from 'tsyringe';
import {
  MeteredPaymentGateway,
  PaymentGatewayMetrics,
} from '../adapters/observability/metered-payment-gateway.js';
import { traced } from '../adapters/observability/traced-ports.js';
import { createMaintenanceUseCases, type MaintenanceUseCases } from '../application/maintenance-use-cases.js';
import type { Clock } from '../application/ports/clock.js';
import type { CustomerRepository } from '../application/ports/customer-repository.js';
import type { IdGenerator } from '../application/ports/id-generator.js';
import type { IdempotencyKeys } from '../application/ports/idempotency-keys.js';
import type { Inventory } from '../application/ports/inventory.js';
import type { InventoryReconciliation } from '../application/ports/inventory-reconciliation.js';
import type { Mailer } from '../application/ports/mailer.js';
import type { OrderRepository } from '../application/ports/order-repository.js';
import type { PaymentGateway } from '../application/ports/payment-gateway.js';
import type { PaymentRepository } from '../application/ports/payment-repository.js';
import type { ProductCatalog } from '../application/ports/product-catalog.js';
import type { SagaStarter } from '../application/ports/saga-starter.js';
import {
  createRegistrationUseCases,
  type RegistrationUseCases,
} from '../application/registration-use-cases.js';
import { createUseCases, type UseCases } from '../application/use-cases.js';
import type { Config } from './config.js';
import { tokens } from './container.js';

// The worker's use-cases: the container's ports, each call to a database or the gateway a span of the
// saga's trace, and the gateway's calls counted for its error-rate alert. Only the worker calls the
// gateway, so only the worker meters it.
export function workerUseCases(
  container: DependencyContainer,
  registry: Registry,
): { orders: UseCases; registrations: RegistrationUseCases } {
  const gateway = traced(
    new MeteredPaymentGateway(
      container.resolve<PaymentGateway>(tokens.gateway),
      new PaymentGatewayMetrics(registry),
    ),
    'gateway',
  );
  const clock = container.resolve<Clock>(tokens.clock);
  const customers = traced(container.resolve<CustomerRepository>(tokens.customers), 'customers');
  const orders = createUseCases({
    orders: traced(container.resolve<OrderRepository>(tokens.orders), 'orders'),
    payments: traced(container.resolve<PaymentRepository>(tokens.payments), 'payments'),
    catalog: traced(container.resolve<ProductCatalog>(tokens.catalog), 'catalog'),
    customers,
    inventory: traced(container.resolve<Inventory>(tokens.inventory), 'inventory'),
    gateway,
    sagas: container.resolve<SagaStarter>(tokens.sagas),
    clock,
    ids: container.resolve<IdGenerator>(tokens.ids),
  });
  const registrations = createRegistrationUseCases({
    customers,
    gateway,
    mailer: traced(container.resolve<Mailer>(tokens.mailer), 'mailer'),
    clock,
  });
  return { orders, registrations };
}

// The maintenance workflow's use-cases, over the same stores, with the retention the config sets.
export function maintenanceUseCases(container: DependencyContainer, config: Config): MaintenanceUseCases {
  return createMaintenanceUseCases(
    {
      inventory: container.resolve<Inventory & InventoryReconciliation>(tokens.inventory),
      idempotencyKeys: container.resolve<IdempotencyKeys>(tokens.idempotencyKeys),
      clock: container.resolve<Clock>(tokens.clock),
    },
    {
      settledInventoryDays: config.settledInventoryRetentionDays,
      idempotencyKeyHours: config.idempotencyKeyRetentionHours,
    },
  );
}
