import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';
import type { Logger as Pino } from 'pino';
import { orderIdOf } from './workflows/saga-progress.js';

const levels = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

// Repeated on every line of a workflow or activity without telling anything an operator acts on.
const NOISE = new Set(['namespace', 'isLocal', 'taskToken', 'workflowType']);

// The SDK's logger for the worker, its workflows and activities, written by pino. A line from an order
// saga's workflow or activity gets the sagaId (its workflow id) and the orderId it names, so one
// `orderId` search finds everything that happened to an order across the API, the worker and the gateway.
export class PinoTemporalLogger implements Logger {
  private readonly pino: Pino;

  constructor(pino: Pino) {
    this.pino = pino;
  }

  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(meta)) {
      if (NOISE.has(key)) continue;
      if (key === 'workflowId' && typeof value === 'string') {
        fields.sagaId = value;
        const orderId = orderIdOf(value);
        if (orderId !== null) fields.orderId = orderId;
      } else if (key === 'error' && value instanceof Error) {
        fields.err = value;
      } else {
        fields[key] = value;
      }
    }
    this.pino[levels[level]](fields, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
