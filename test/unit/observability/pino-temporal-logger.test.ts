import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { PinoTemporalLogger } from '../../../src/adapters/temporal/pino-temporal-logger.js';

function captured() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: new PinoTemporalLogger(pino({ level: 'trace' }, stream)) };
}

describe('PinoTemporalLogger', () => {
  it("names an order saga's line by its sagaId and orderId, and drops the SDK's noise", () => {
    const { lines, logger } = captured();

    logger.info('step done', {
      workflowId: 'order-o-42',
      activityType: 'reserveStock',
      attempt: 2,
      namespace: 'default',
      taskToken: 'abc',
    });

    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'step done',
      sagaId: 'order-o-42',
      orderId: 'o-42',
      activityType: 'reserveStock',
      attempt: 2,
    });
    expect(lines[0]).not.toHaveProperty('taskToken');
    expect(lines[0]).not.toHaveProperty('workflowId');
  });

  it('keeps a line about no order without an orderId, at its level, with the error serialized', () => {
    const { lines, logger } = captured();

    logger.warn('Worker state changed', { state: 'RUNNING' });
    logger.error('Activity failed', { error: new Error('boom') });

    expect(lines[0]).toMatchObject({ level: 40, state: 'RUNNING' });
    expect(lines[0]).not.toHaveProperty('orderId');
    expect(lines[1]).toMatchObject({ level: 50, err: { message: 'boom', type: 'Error' } });
  });
});
