export const TRANSIENT_FAULT_CODES = [
  'TRANSIENT.DEPENDENCY_UNAVAILABLE',
  'TRANSIENT.CONCURRENT_MODIFICATION',
] as const;

export type TransientFaultCode = (typeof TRANSIENT_FAULT_CODES)[number];

// A fault that may go away if the same call is made again: a database or the gateway is down or slow,
// or another writer got there first. Adapters throw these; Temporal's retry policy handles them, where a
// DomainError makes the saga compensate instead.
export class TransientFault extends Error {
  readonly code: TransientFaultCode;

  constructor(code: TransientFaultCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class DependencyUnavailable extends TransientFault {
  readonly dependency: string;

  constructor(dependency: string, options?: { cause?: unknown }) {
    super('TRANSIENT.DEPENDENCY_UNAVAILABLE', `${dependency} is unavailable`, options);
    this.dependency = dependency;
  }
}

// Optimistic locking refused a write made from a stale read. Reading again and redoing the step is safe
// because every step is idempotent.
export class ConcurrencyConflict extends TransientFault {
  constructor(entity: string, id: string, expectedVersion: number, actualVersion: number) {
    super(
      'TRANSIENT.CONCURRENT_MODIFICATION',
      `${entity} ${id} was written at version ${expectedVersion} but is at version ${actualVersion}`,
    );
  }
}

export function isTransientFault(error: unknown): error is TransientFault {
  return error instanceof TransientFault;
}
