// Refusals that come from the application's own rules rather than the domain's. Like domain codes,
// these are a contract with the outside and never renamed.
export const APPLICATION_ERROR_CODES = [
  'IDEMPOTENCY.KEY_REUSED',
  'AUTH.FORBIDDEN',
  'SAGA.NOT_STUCK',
  'FULFILMENT.DEADLINE_PASSED',
  'FULFILMENT.NOT_TRACKED',
] as const;

export type ApplicationErrorCode = (typeof APPLICATION_ERROR_CODES)[number];

export abstract class ApplicationError extends Error {
  abstract readonly code: ApplicationErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function isApplicationError(error: unknown): error is ApplicationError {
  return error instanceof ApplicationError;
}

// The key was first used for another request: answering this one with the first one's order would be
// wrong, and placing a second order under the same key would defeat the key.
export class IdempotencyKeyReused extends ApplicationError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';

  constructor() {
    super('This Idempotency-Key was already used with a different request');
  }
}

// The caller is known but may not do this (a customer placing an order for someone else).
export class Forbidden extends ApplicationError {
  readonly code = 'AUTH.FORBIDDEN';
}

// Only a saga in COMPENSATION_FAILED has compensations to retry.
export class SagaNotStuck extends ApplicationError {
  readonly code = 'SAGA.NOT_STUCK';

  constructor(orderId: string) {
    super(`The saga of order ${orderId} is not in COMPENSATION_FAILED: there is nothing to retry`);
  }
}

// The order's shipping deadline passed before the warehouse shipped it: its saga refunded and cancelled
// it, and a late shipment must not be recorded against it.
export class FulfilmentDeadlinePassed extends ApplicationError {
  readonly code = 'FULFILMENT.DEADLINE_PASSED';

  constructor(orderId: string) {
    super(`The shipping deadline of order ${orderId} has passed: it was refunded and cancelled`);
  }
}

// Confirmed by a saga that ended at CONFIRMED, before fulfilment was tracked: no saga waits for its
// shipment, so one cannot be recorded through the API.
export class FulfilmentNotTracked extends ApplicationError {
  readonly code = 'FULFILMENT.NOT_TRACKED';

  constructor(orderId: string) {
    super(`Order ${orderId} was confirmed before shipments were tracked; its fulfilment is handled outside`);
  }
}
