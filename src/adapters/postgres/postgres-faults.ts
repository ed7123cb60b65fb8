import { ConnectionException, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DependencyUnavailable, TransientFault } from '../../application/transient-fault.js';
import { ValidationError } from '../../domain/shared/validation-error.js';

// Socket errors, and SQLSTATE classes 08 (connection), 53 (out of resources: too many connections)
// and 57P0x (server shutting down or starting): asking again later may well succeed.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const UNAVAILABLE_SQLSTATE = /^(08|53|57P0[1-4])/;
// Serialization failure and deadlock: PostgreSQL itself says to run the transaction again.
const RETRY_SQLSTATE = new Set(['40001', '40P01']);
// Class 22 (data exception: a date out of range, bad encoding) and 08P01, with which the server answers
// a parameter holding a NUL byte: PostgreSQL is up and refuses the value, so asking again cannot help
// and saying it is unavailable would be a lie.
const REJECTED_ARGUMENT = /^(22|08P01$)/;
// node-postgres reports a dropped or timed-out connection without any code, and a query builder's
// statement passes it on as a plain Error, not wrapped in a DriverException.
const DROPPED = /connection terminated|timeout exceeded when trying to connect|connection error/i;

// Runs one call to PostgreSQL and turns the faults a retry can cure into TransientFaults, so the saga
// retries them; constraint violations and everything else keep their own type.
export async function withPostgresFaults<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error);
  }
}

function translate(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof TransientFault) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && REJECTED_ARGUMENT.test(code)) {
    return new ValidationError(
      'VALIDATION.INVALID_FIELD',
      'input',
      'A value in the request cannot be stored or searched for (out of range or holding a NUL character)',
    );
  }
  if (typeof code === 'string' && RETRY_SQLSTATE.has(code)) {
    return new TransientFault('TRANSIENT.CONCURRENT_MODIFICATION', error.message, { cause: error });
  }
  const unavailable =
    error instanceof ConnectionException ||
    (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) ||
    (code === undefined && DROPPED.test(error.message));
  return unavailable ? new DependencyUnavailable('PostgreSQL', { cause: error }) : error;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}
