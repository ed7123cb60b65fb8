import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sagaIdOf } from '../../src/adapters/temporal/workflows/saga-progress.js';
import { bytesContaining, isEncryptedPayload, payloadsOf, rawHistoryOf } from '../support/raw-history.js';
import { SagaWorld } from './support/saga-world.js';
import { WorkerProcess } from './support/worker-process.js';

// Issue 19 on the real stack: what the Temporal dev server stores of the sagas the worker process runs
// (and of every other saga the suites start meanwhile) holds no card token, only ciphertext.
describe('saga histories on the Temporal dev server', () => {
  const world = new SagaWorld();
  const since = new Date();
  let worker: WorkerProcess;
  let connection: Connection;
  let plain: Client;

  beforeAll(async () => {
    await world.resources.prepare();
    worker = await WorkerProcess.start(world.config);
    connection = await Connection.connect({ address: world.config.temporalAddress });
    plain = new Client({ connection, namespace: world.config.temporalNamespace });
  });

  afterAll(async () => {
    await worker?.kill('SIGTERM');
    await connection?.close();
    await world.close();
  });

  // Listed raw: a client without the codec cannot decode a saga's memo, which list() would.
  async function workflowIds(query: string): Promise<string[]> {
    const ids: string[] = [];
    let nextPageToken: Uint8Array | undefined;
    do {
      const page = await plain.workflowService.listWorkflowExecutions({
        namespace: world.config.temporalNamespace,
        query,
        nextPageToken,
      });
      for (const execution of page.executions ?? []) ids.push(execution.execution?.workflowId ?? '');
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken !== undefined);
    return ids;
  }

  it('hold no card token, and encrypted payloads only, for confirmed, declined and refused orders', async () => {
    const productId = await world.product(5);
    const orders = [
      { cardToken: 'tok_visa', quantity: 1 },
      { cardToken: 'tok_decline', quantity: 1 },
      { cardToken: 'tok_mastercard', quantity: 50 },
    ];
    // The sagas by id, not by listing closed ones: the confirmed order's saga stays open, waiting for
    // its shipment, and its history so far must hold no card token either.
    const ids: string[] = [];
    for (const { cardToken, quantity } of orders) {
      const { orderId } = await world.useCases.placeOrder.execute({
        customerId: 'c-history',
        cardToken,
        lines: [{ productId, quantity }],
      });
      const { status } = await world.sagaResult(orderId);
      ids.push(sagaIdOf(orderId));
      expect(status, cardToken).toBe(cardToken === 'tok_visa' ? 'CONFIRMED' : 'CANCELLED');
    }

    for (const id of ids) {
      const history = await rawHistoryOf(plain, id);
      expect(bytesContaining(history, 'tok_'), id).toEqual([]);
      const payloads = payloadsOf(history);
      expect(payloads.length, id).toBeGreaterThan(0);
      expect(
        payloads.filter((payload) => !isEncryptedPayload(payload) || payload.keyId === undefined),
        id,
      ).toEqual([]);
    }
  });

  it('hold no card token in any workflow started on the server since this file began', async () => {
    const ids = await workflowIds(`StartTime >= "${since.toISOString()}"`);

    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(bytesContaining(await rawHistoryOf(plain, id), 'tok_'), id).toEqual([]);
    }
  });
});
