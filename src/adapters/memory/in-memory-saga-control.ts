import type { Clock } from '../../application/ports/clock.js';
import type {
  CancellationOutcome,
  CompensationRetryOutcome,
  NewsOutcome,
  SagaControl,
  SagaProgress,
  StartedSaga,
} from '../../application/ports/saga-control.js';
import { orderSagaDefinition } from '../../application/sagas/order-saga.js';
import type { InMemorySagaStarter } from './in-memory-saga-starter.js';

// The sagas an InMemorySagaStarter started, seen through the SagaControl port. A started saga runs
// until a test says otherwise (`finish`), and accepts cancellation while it runs, as the workflow does
// before it starts capturing the payment.
export class InMemorySagaControl implements SagaControl {
  private readonly starter: InMemorySagaStarter;
  private readonly clock: Clock;
  private readonly startedAt = new Map<string, Date>();
  private readonly progress = new Map<string, SagaProgress>();
  private readonly cancellations = new Map<string, string>();
  private readonly closed = new Set<string>();
  readonly newsSent: { orderId: string; news: string; payload: object }[] = [];

  constructor(starter: InMemorySagaStarter, clock: Clock) {
    this.starter = starter;
    this.clock = clock;
  }

  async progressOf(orderId: string): Promise<SagaProgress | null> {
    if (this.startedSagaNow(orderId) === null) return null;
    return this.progress.get(orderId) ?? runningProgress();
  }

  async startedSagaOf(orderId: string): Promise<StartedSaga | null> {
    return this.startedSagaNow(orderId);
  }

  async cancel(orderId: string, reason: string): Promise<CancellationOutcome> {
    const progress = await this.progressOf(orderId);
    if (progress === null) return 'NO_SAGA';
    const waitingForShipment = progress.waitingFor?.news === 'shipment';
    if (progress.phase !== 'RUNNING' && !waitingForShipment) return 'TOO_LATE';
    this.cancellations.set(orderId, reason);
    return 'REQUESTED';
  }

  // As the workflow answers: news the saga waits for now is recorded, other news refused; a saga told
  // `closed` answers CLOSED. What the saga would record is the test's to apply (`news`).
  async sendNews(orderId: string, news: 'shipment' | 'delivery', payload: object): Promise<NewsOutcome> {
    const progress = await this.progressOf(orderId);
    if (progress === null) return { outcome: 'NO_SAGA' };
    if (this.closed.has(orderId)) return { outcome: 'CLOSED' };
    if (progress.waitingFor?.news !== news)
      return {
        outcome: 'REFUSED',
        code: news === 'shipment' ? 'ORDER.NOT_SHIPPABLE' : 'ORDER.NOT_DELIVERABLE',
      };
    this.newsSent.push({ orderId, news, payload });
    return { outcome: 'RECORDED' };
  }

  // The saga is over: news is answered CLOSED.
  close(orderId: string): void {
    this.closed.add(orderId);
  }

  async retryCompensation(orderId: string): Promise<CompensationRetryOutcome> {
    const progress = await this.progressOf(orderId);
    if (progress === null) return 'NO_SAGA';
    if (progress.phase !== 'COMPENSATION_FAILED') return 'NOT_STUCK';
    this.progress.set(orderId, { ...progress, phase: 'COMPENSATING' });
    return 'RETRYING';
  }

  // Sets what the saga reports from now on, e.g. a phase in which it no longer accepts cancellation.
  report(orderId: string, progress: SagaProgress): void {
    this.progress.set(orderId, progress);
  }

  cancellationRequested(orderId: string): string | undefined {
    return this.cancellations.get(orderId);
  }

  private startedSagaNow(orderId: string): StartedSaga | null {
    const saga = this.starter.sagaOf(orderId);
    if (saga === undefined) return null;
    // The starter does not keep times: the first time a saga is looked at stands for its start.
    const startedAt = this.startedAt.get(orderId) ?? this.clock.now();
    this.startedAt.set(orderId, startedAt);
    return { ...saga, startedAt };
  }
}

function runningProgress(): SagaProgress {
  return {
    phase: 'RUNNING',
    failure: null,
    steps: orderSagaDefinition.steps.map(({ name: step }) => ({
      step,
      state: 'pending',
      attempts: 0,
      startedAt: null,
      finishedAt: null,
      error: null,
      externalIds: {},
    })),
    compensations: [],
    waitingFor: null,
  };
}
