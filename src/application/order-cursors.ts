import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '../domain/shared/validation-error.js';
import type { OrderPosition } from './ports/order-repository.js';

// The ids' shape as the HTTP schema states it: a cursor can only carry an id an order could have.
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
// Years PostgreSQL and ISO 8601 both take; a position outside them was never an order's.
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

// Where a page of orders ends, as `<payload>.<hmac>` in base64url. Signed so that the only positions a
// listing ever searches from are those it gave out: a crafted cursor cannot reach the database.
export class OrderCursors {
  private readonly key: string;

  constructor(key: string) {
    this.key = key;
  }

  encode(position: OrderPosition): string {
    const payload = Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString(
      'base64url',
    );
    return `${payload}.${this.sign(payload)}`;
  }

  decode(cursor: string): OrderPosition {
    const [payload, signature, ...rest] = cursor.split('.');
    if (payload === undefined || signature === undefined || rest.length > 0) throw notOurs();
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw notOurs();
    return positionOf(payload);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(`order-cursor/${payload}`).digest('base64url');
  }
}

// Checked even though signed: a leaked or rotated key should still never let a bad value through.
function positionOf(payload: string): OrderPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw notOurs();
  const [createdAt, id] = parsed as unknown[];
  if (typeof createdAt !== 'string' || typeof id !== 'string' || !ID.test(id)) throw notOurs();
  const at = new Date(createdAt);
  const time = at.getTime();
  if (Number.isNaN(time) || time < EARLIEST || time > LATEST || at.toISOString() !== createdAt) {
    throw notOurs();
  }
  return { createdAt: at, id };
}

function notOurs(): ValidationError {
  return new ValidationError('VALIDATION.INVALID_FIELD', 'cursor', 'cursor is not one this API gave out');
}
