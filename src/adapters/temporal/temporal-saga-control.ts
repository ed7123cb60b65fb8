import { type Client, isGrpcServiceError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, WorkflowNotFoundError } from '@temporalio/common';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow/codec-helpers.js';
import type {
  CancellationOutcome,
  CompensationRetryOutcome,
  NewsOutcome,
  SagaControl,
  SagaProgress,
  StartedSaga,
} from '../../application/ports/saga-control.js';
import type { OrderSagaInput } from '../../application/ports/saga-starter.js';
import { DependencyUnavailable } from '../../application/transient-fault.js';
import {
  cancelUpdate,
  newsUpdate,
  progressQuery,
  retryCompensationUpdate,
} from './workflows/order-saga.workflow.js';
import { sagaIdOf } from './workflows/saga-progress.js';

// Reads and cancels order sagas on Temporal. Every call has a deadline: a query or an update is
// answered by a worker, and with no worker running it would otherwise wait for one indefinitely.
export class TemporalSagaControl implements SagaControl {
  private readonly client: Client;
  private readonly timeoutMs: number;

  constructor(client: Client, options: { timeoutMs: number }) {
    this.client = client;
    this.timeoutMs = options.timeoutMs;
  }

  async progressOf(orderId: string): Promise<SagaProgress | null> {
    try {
      return await this.withinDeadline(() => this.handle(orderId).query(progressQuery));
    } catch (error) {
      if (notFound(error)) return null;
      throw unavailable(error);
    }
  }

  // The input is the first event of the saga's history; only read while the order is not stored yet,
  // when that history is a handful of events.
  async startedSagaOf(orderId: string): Promise<StartedSaga | null> {
    try {
      const history = await this.withinDeadline(() => this.handle(orderId).fetchHistory());
      const [first] = history.events ?? [];
      const started = first?.workflowExecutionStartedEventAttributes;
      if (first === undefined || started === null || started === undefined) return null;
      // Through the client's codec: the history holds the input encrypted.
      const input = await decodeFromPayloadsAtIndex<OrderSagaInput>(
        this.client.options.loadedDataConverter,
        0,
        started.input?.payloads,
      );
      const seconds = Number(first.eventTime?.seconds ?? 0);
      const startedAt = new Date(seconds * 1000 + Math.floor((first.eventTime?.nanos ?? 0) / 1e6));
      return { sagaId: sagaIdOf(orderId), input, startedAt };
    } catch (error) {
      if (notFound(error)) return null;
      throw unavailable(error);
    }
  }

  async cancel(orderId: string, reason: string): Promise<CancellationOutcome> {
    try {
      await this.withinDeadline(() =>
        this.handle(orderId).executeUpdate(cancelUpdate, { args: [{ reason }] }),
      );
      return 'REQUESTED';
    } catch (error) {
      if (refusedAsTooLate(error)) return 'TOO_LATE';
      // Temporal answers an update to a closed workflow as if it did not exist: tell the two apart.
      if (error instanceof WorkflowNotFoundError)
        return (await this.exists(orderId)) ? 'TOO_LATE' : 'NO_SAGA';
      throw unavailable(error);
    }
  }

  // Waits for the saga to record the news (its update answers once the activity is done).
  async sendNews(orderId: string, news: 'shipment' | 'delivery', payload: object): Promise<NewsOutcome> {
    try {
      await this.withinDeadline(() =>
        this.handle(orderId).executeUpdate(newsUpdate<object>(news), { args: [payload] }),
      );
      return { outcome: 'RECORDED' };
    } catch (error) {
      if (
        error instanceof WorkflowUpdateFailedError &&
        error.cause instanceof ApplicationFailure &&
        error.cause.type
      )
        return { outcome: 'REFUSED', code: error.cause.type };
      if (error instanceof WorkflowNotFoundError)
        return { outcome: (await this.exists(orderId)) ? 'CLOSED' : 'NO_SAGA' };
      throw unavailable(error);
    }
  }

  async retryCompensation(orderId: string): Promise<CompensationRetryOutcome> {
    try {
      await this.withinDeadline(() => this.handle(orderId).executeUpdate(retryCompensationUpdate));
      return 'RETRYING';
    } catch (error) {
      if (refusedAs(error, 'SAGA.NOT_STUCK')) return 'NOT_STUCK';
      if (error instanceof WorkflowNotFoundError)
        return (await this.exists(orderId)) ? 'NOT_STUCK' : 'NO_SAGA';
      throw unavailable(error);
    }
  }

  private async exists(orderId: string): Promise<boolean> {
    try {
      await this.withinDeadline(() => this.handle(orderId).describe());
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw unavailable(error);
    }
  }

  private handle(orderId: string) {
    return this.client.workflow.getHandle(sagaIdOf(orderId));
  }

  private withinDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.timeoutMs, call);
  }
}

// Most calls report a missing workflow as WorkflowNotFoundError; fetching a history reports gRPC's NOT_FOUND.
function notFound(error: unknown): boolean {
  return (
    error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND)
  );
}

const GRPC_NOT_FOUND = 5;

function refusedAsTooLate(error: unknown): boolean {
  return refusedAs(error, 'ORDER.NOT_CANCELLABLE');
}

function refusedAs(error: unknown, type: string): boolean {
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === type
  );
}

function unavailable(error: unknown): DependencyUnavailable {
  return new DependencyUnavailable('Temporal', { cause: error });
}
