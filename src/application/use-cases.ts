import { AuthorizePayment } from './authorize-payment.js';
import { CancelOrder } from './cancel-order.js';
import { CapturePayment } from './capture-payment.js';
import { CommitStock } from './commit-stock.js';
import { ConfirmOrder } from './confirm-order.js';
import { CreatePendingOrder } from './create-pending-order.js';
import { DeliverOrder } from './deliver-order.js';
import { GetOrder } from './get-order.js';
import { GetProductStock } from './get-product-stock.js';
import { MarkCompensationFailed } from './mark-compensation-failed.js';
import { PlaceOrder } from './place-order.js';
import type { Clock } from './ports/clock.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { Inventory } from './ports/inventory.js';
import type { OrderRepository } from './ports/order-repository.js';
import type { PaymentGateway } from './ports/payment-gateway.js';
import type { PaymentRepository } from './ports/payment-repository.js';
import type { ProductCatalog } from './ports/product-catalog.js';
import type { SagaStarter } from './ports/saga-starter.js';
import { RegisterProduct } from './register-product.js';
import { ReleaseStock } from './release-stock.js';
import { ReserveStock } from './reserve-stock.js';
import { RestockProduct } from './restock-product.js';
import { ReturnCommittedStock } from './return-committed-stock.js';
import { ShipOrder } from './ship-order.js';
import { VoidOrRefundPayment } from './void-or-refund-payment.js';

export interface Ports {
  readonly orders: OrderRepository;
  readonly payments: PaymentRepository;
  readonly catalog: ProductCatalog;
  readonly customers: CustomerRepository;
  readonly inventory: Inventory;
  readonly gateway: PaymentGateway;
  readonly sagas: SagaStarter;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type UseCases = ReturnType<typeof createUseCases>;

// Every use-case over one set of ports: what the composition root registers and what the Temporal
// activities wrap.
export function createUseCases(ports: Ports) {
  return {
    placeOrder: new PlaceOrder(ports),
    getOrder: new GetOrder(ports),
    registerProduct: new RegisterProduct(ports),
    restockProduct: new RestockProduct(ports),
    getProductStock: new GetProductStock(ports),
    createPendingOrder: new CreatePendingOrder(ports),
    reserveStock: new ReserveStock(ports),
    releaseStock: new ReleaseStock(ports),
    authorizePayment: new AuthorizePayment(ports),
    capturePayment: new CapturePayment(ports),
    voidOrRefundPayment: new VoidOrRefundPayment(ports),
    commitStock: new CommitStock(ports),
    confirmOrder: new ConfirmOrder(ports),
    shipOrder: new ShipOrder(ports),
    deliverOrder: new DeliverOrder(ports),
    returnCommittedStock: new ReturnCommittedStock(ports),
    cancelOrder: new CancelOrder(ports),
    markCompensationFailed: new MarkCompensationFailed(ports),
  };
}
