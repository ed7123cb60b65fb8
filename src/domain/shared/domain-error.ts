import type { DomainErrorCode } from './error-codes.js';

// A business refusal: retrying will not change the answer, so the saga compensates instead.
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
