import { ValidationError } from './validation-error.js';

const MAX_ID_LENGTH = 100;

// Ids come from outside (HTTP bodies, Temporal payloads), so their type is not proof of their shape.
export function requireId(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    value.trim() === '' ||
    value.length > MAX_ID_LENGTH ||
    value !== value.trim()
  ) {
    throw new ValidationError(
      'VALIDATION.INVALID_FIELD',
      field,
      `${field} must be a non-blank string of at most ${MAX_ID_LENGTH} characters without surrounding spaces`,
    );
  }
  return value;
}

export function requireText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > maxLength) {
    throw new ValidationError(
      'VALIDATION.INVALID_FIELD',
      field,
      `${field} must be a non-blank string of at most ${maxLength} characters`,
    );
  }
  return value;
}

export function requireQuantity(value: unknown, field = 'quantity'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new ValidationError('VALIDATION.INVALID_QUANTITY', field, `${field} must be a positive integer`);
  }
  return value;
}

export function requireDate(value: unknown, field: string): Date {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ValidationError('VALIDATION.INVALID_FIELD', field, `${field} must be a valid date`);
  }
  return date;
}
