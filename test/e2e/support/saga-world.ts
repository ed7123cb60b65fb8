import type { MikroORM } from '@mikro-orm/mongodb';
import type { Client } from '@temporalio/client';
import { productLocksIn } from '../../../src/adapters/mongo/product-locks.js';
import { progressQuery } from '../../../src/adapters/temporal/workflows/order-saga.workflow.js';
import { type SagaResult, sagaIdOf } from '../../../src/adapters/temporal/workflows/saga-progress.js';
import type { ApiUseCases } from '../../../src/application/api-use-cases.js';
import type { UseCases } from '../../../src/application/use-cases.js';
import type { Config } from '../../../src/bootstrap/config.js';
import { createContainer, type Resources, tokens } from '../../../src/bootstrap/container.js';
import { testConfig, uniqueName } from '../../support/settings.js';

export interface LedgerSummary {
  readonly authorized: number;
  readonly captured: number;
  readonly voided: number;
  readonly refunded: number;
  readonly netCharged: number;
}

const nothing: LedgerSummary = { authorized: 0, captured: 0, voided: 0, refunded: 0, netCharged: 0 };

// The real stack seen from a test: the service's own composition root over the test databases, a task
// queue of the test's own (so no other worker takes its sagas), and the simulator's ledger.
export class SagaWorld {
  readonly config: Config;
  readonly resources: Resources;
  private readonly heldLocks = new Set<() => Promise<void>>();

  // shippingDeadlineSeconds: what the sagas this world starts wait for shipment (default 7 days);
  // traced: they are started as by an API that exports traces (default: as by one that does not).
  constructor(options: { shippingDeadlineSeconds?: number; traced?: boolean } = {}) {
    this.config = {
      ...testConfig(),
      temporalTaskQueue: uniqueName('e2e'),
      ...(options.shippingDeadlineSeconds === undefined
        ? {}
        : { shippingDeadlineSeconds: options.shippingDeadlineSeconds }),
    };
    this.resources = createContainer(this.config, undefined, { traced: options.traced ?? false });
  }

  get useCases(): UseCases {
    return this.resources.useCases;
  }

  get apiUseCases(): ApiUseCases {
    return this.resources.container.resolve<ApiUseCases>(tokens.apiUseCases);
  }

  get temporal(): Client {
    return this.resources.container.resolve<Client>(tokens.temporalClient);
  }

  async product(stock: number, unitPrice = 1250): Promise<string> {
    const id = uniqueName('p');
    const price = { amount: unitPrice, currency: 'EUR' };
    await this.useCases.registerProduct.execute({ id, name: `Test ${id}`, unitPrice: price });
    if (stock > 0) await this.useCases.restockProduct.execute({ productId: id, quantity: stock });
    return id;
  }

  // Takes the product's lock (product_locks) as a writer in another process would: every change of the
  // product's stock waits until release(), or until it has watched the lock for a lease (10 s) and takes
  // it over. close() releases it too, so that a failed test leaves no product locked.
  async holdProductLock(productId: string): Promise<{ release(): Promise<void> }> {
    const locks = productLocksIn(this.resources.container.resolve<MikroORM>(tokens.mongo));
    const expiresAt = new Date(Date.now() + 3_600_000);
    const { insertedId } = await locks.insertOne({ productId, expiresAt });
    const release = async () => {
      this.heldLocks.delete(release);
      await locks.deleteOne({ _id: insertedId });
    };
    this.heldLocks.add(release);
    return { release };
  }

  // Once the saga is done with the order for now: its result once it is over, or CONFIRMED while it
  // rests waiting for the warehouse's shipment (for days, by default).
  async sagaResult(orderId: string): Promise<SagaResult> {
    const handle = this.temporal.workflow.getHandle(sagaIdOf(orderId));
    for (;;) {
      const { status } = await handle.describe();
      if (status.name !== 'RUNNING') return handle.result();
      const progress = await handle.query(progressQuery);
      if (progress.waitingFor?.news === 'shipment') return { status: 'CONFIRMED', orderId };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // The saga's own end, however long it waits (a shipping deadline of a few seconds, in tests).
  sagaEnd(orderId: string): Promise<SagaResult> {
    return this.temporal.workflow.getHandle(sagaIdOf(orderId)).result();
  }

  async ledger(orderId: string): Promise<LedgerSummary> {
    const url = new URL('/v1/ledger/summary', this.config.paymentGatewayUrl);
    url.searchParams.set('orderId', orderId);
    const answer = await fetch(url);
    if (!answer.ok) throw new Error(`ledger summary: HTTP ${answer.status}`);
    const body = (await answer.json()) as { byCurrency: Record<string, LedgerSummary> };
    return body.byCurrency.EUR ?? nothing;
  }

  async close(): Promise<void> {
    await Promise.all([...this.heldLocks].map((release) => release()));
    await this.resources.close();
  }
}
