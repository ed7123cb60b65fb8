import { DomainError } from './domain-error.js';
import type { ValidationErrorCode } from './error-codes.js';

export class ValidationError extends DomainError {
  readonly code: ValidationErrorCode;
  readonly field: string;

  constructor(code: ValidationErrorCode, field: string, message: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}
