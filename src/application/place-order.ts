import type { Product } from '../domain/catalog/product.js';
import { ProductNotFound } from '../domain/catalog/product-not-found.js';
import {
  checkOrderLines,
  checkRequestedLines,
  lineToSnapshot,
  type OrderLine,
  totalOf,
} from '../domain/order/order-line.js';
import { PaymentMethodNotFound } from '../domain/payment/payment-errors.js';
import { type PaymentSource, paymentSourceOf } from '../domain/payment/payment-source.js';
import type { MoneySnapshot } from '../domain/shared/money.js';
import { requireId } from '../domain/shared/require.js';
import type { CustomerRepository } from './ports/customer-repository.js';
import type { IdGenerator } from './ports/id-generator.js';
import type { ProductCatalog } from './ports/product-catalog.js';
import type { SagaStarter } from './ports/saga-starter.js';

export interface PlaceOrderInput {
  // Given when the caller must be able to place the same order again (an idempotency key); else new.
  readonly orderId?: string;
  readonly customerId: string;
  // Exactly one: a card token for this order alone, or the id of a payment method the customer keeps.
  readonly cardToken?: string;
  readonly paymentMethodId?: string;
  readonly lines: readonly { readonly productId: string; readonly quantity: number }[];
}

export interface PlaceOrderOutput {
  readonly orderId: string;
  readonly sagaId: string;
  readonly total: MoneySnapshot;
}

// Checks and prices the order, then hands it to the saga, which stores it as its first step: the order
// exists only once a saga is responsible for it, so no order is left PENDING with nobody to finish it.
interface Dependencies {
  readonly catalog: ProductCatalog;
  readonly customers: CustomerRepository;
  readonly sagas: SagaStarter;
  readonly ids: IdGenerator;
}

export class PlaceOrder {
  private readonly deps: Dependencies;

  constructor(deps: Dependencies) {
    this.deps = deps;
  }

  async execute(input: PlaceOrderInput): Promise<PlaceOrderOutput> {
    const customerId = requireId(input.customerId, 'customerId');
    const payment = paymentSourceOf(input);
    const lines = await this.price(input.lines);
    await this.requireUsable(customerId, payment);
    const total = totalOf(lines);
    const orderId = input.orderId === undefined ? this.deps.ids.next() : requireId(input.orderId, 'orderId');
    const { sagaId } = await this.deps.sagas.startOrderSaga({
      orderId,
      customerId,
      ...payment,
      lines: lines.map(lineToSnapshot),
    });
    return { orderId, sagaId, total: total.toSnapshot() };
  }

  // Checked here, before any saga starts, so that a method the caller may not use is an immediate 4xx
  // with nothing stored. Removed later (the customer's registration undone), the gateway declines it.
  private async requireUsable(customerId: string, payment: PaymentSource): Promise<void> {
    if (payment.paymentMethodId === undefined) return;
    const customer = await this.deps.customers.findById(customerId);
    if (customer?.paysWith(payment.paymentMethodId) !== true) {
      throw new PaymentMethodNotFound(payment.paymentMethodId);
    }
  }

  private async price(requested: PlaceOrderInput['lines']): Promise<readonly OrderLine[]> {
    // Refuse a malformed order before asking the catalogue anything.
    const lines = checkRequestedLines(requested);
    const products = await this.deps.catalog.findByIds(lines.map((line) => line.productId));
    const byId = new Map<string, Product>(products.map((product) => [product.id, product]));
    return checkOrderLines(
      lines.map((line) => {
        const product = byId.get(line.productId);
        if (product === undefined) throw new ProductNotFound(line.productId);
        return { ...line, unitPrice: product.unitPrice };
      }),
    );
  }
}
