import type { DomainErrorCode } from '../domain/shared/error-codes.js';
import type { ApplicationErrorCode } from './application-error.js';
import type { TransientFaultCode } from './transient-fault.js';

// Every code a use-case can fail with, for exhaustive switches in the adapters that translate them
// (HTTP statuses, Temporal failure types).
export type ErrorCode = DomainErrorCode | ApplicationErrorCode | TransientFaultCode;
