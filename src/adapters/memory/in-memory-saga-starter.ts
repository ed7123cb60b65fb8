import type { OrderSagaInput, SagaStarter } from '../../application/ports/saga-starter.js';

export type SagaRunner = (input: OrderSagaInput, sagaId: string) => Promise<void>;

// Records the sagas it was asked to start, and runs each with the given runner if there is one (an
// in-process saga for a run without Temporal). Like Temporal with the order id as workflow id, a saga
// is started once per order.
export class InMemorySagaStarter implements SagaStarter {
  private readonly sagas = new Map<string, { input: OrderSagaInput; sagaId: string }>();
  private readonly runner: SagaRunner | undefined;

  constructor(runner?: SagaRunner) {
    this.runner = runner;
  }

  async startOrderSaga(input: OrderSagaInput): Promise<{ sagaId: string }> {
    const running = this.sagas.get(input.orderId);
    if (running !== undefined) return { sagaId: running.sagaId };
    const sagaId = `order-saga-${input.orderId}`;
    this.sagas.set(input.orderId, { input: structuredClone(input), sagaId });
    await this.runner?.(input, sagaId);
    return { sagaId };
  }

  sagaOf(orderId: string): { readonly input: OrderSagaInput; readonly sagaId: string } | undefined {
    return this.sagas.get(orderId);
  }

  started(): readonly OrderSagaInput[] {
    return [...this.sagas.values()].map((saga) => saga.input);
  }
}
