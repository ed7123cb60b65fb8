import { ApiKeys } from './api-keys.js';
import { GetCustomer } from './get-customer.js';
import { GetProduct } from './get-product.js';
import { ListOrders } from './list-orders.js';
import { OrderCursors } from './order-cursors.js';
import { PlaceOrderOnce } from './place-order-once.js';
import type { ApiKeyStore } from './ports/api-key-store.js';
import type { IdempotencyKeys } from './ports/idempotency-keys.js';
import type { RegistrationStarter } from './ports/registration-starter.js';
import type { SagaControl } from './ports/saga-control.js';
import { RecordFulfilment } from './record-fulfilment.js';
import { RegisterCustomer } from './register-customer.js';
import { RegisterCustomerOnce } from './register-customer-once.js';
import { RequestCancellation } from './request-cancellation.js';
import { RestockProductOnce } from './restock-product-once.js';
import { RetryCompensation } from './retry-compensation.js';
import { TrackOrder } from './track-order.js';
import { createUseCases, type Ports } from './use-cases.js';

export interface ApiPorts extends Ports {
  readonly sagaControl: SagaControl;
  readonly idempotencyKeys: IdempotencyKeys;
  readonly apiKeys: ApiKeyStore;
  readonly registrations: RegistrationStarter;
}

export interface ApiSettings {
  // Signs the listing's cursors (HMAC): only cursors the API gave out are accepted back.
  readonly cursorKey: string;
  // The key with every scope, from ADMIN_API_KEY.
  readonly adminApiKey: string | null;
}

export type ApiUseCases = ReturnType<typeof createApiUseCases>;

// What the HTTP API drives: the saga's use-cases plus those only a client needs (reading progress,
// cancelling, listing, idempotent placing). Kept apart so the worker needs no saga control.
export function createApiUseCases(ports: ApiPorts, settings: ApiSettings) {
  const useCases = createUseCases(ports);
  const registerCustomer = new RegisterCustomer(ports);
  return {
    ...useCases,
    placeOrderOnce: new PlaceOrderOnce({ ...ports, placeOrder: useCases.placeOrder }),
    restockProductOnce: new RestockProductOnce({ ...ports, restockProduct: useCases.restockProduct }),
    trackOrder: new TrackOrder(ports),
    listOrders: new ListOrders({ ...ports, cursors: new OrderCursors(settings.cursorKey) }),
    requestCancellation: new RequestCancellation(ports),
    recordFulfilment: new RecordFulfilment(ports),
    getProduct: new GetProduct(ports),
    retryCompensation: new RetryCompensation(ports),
    registerCustomer,
    registerCustomerOnce: new RegisterCustomerOnce({ ...ports, registerCustomer }),
    getCustomer: new GetCustomer(ports),
    apiKeys: new ApiKeys({ apiKeys: ports.apiKeys, clock: ports.clock, adminApiKey: settings.adminApiKey }),
  };
}
