// Refusals that come from the application's own rules rather than the domain's. Like domain codes,
// these are a contract with the outside and never renamed.
export const APPLICATION_ERROR_CODES = [
  'IDEMPOTENCY.KEY_REUSED',
  'AUTH.FORBIDDEN',
  'SAGA.NOT_STUCK',
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
