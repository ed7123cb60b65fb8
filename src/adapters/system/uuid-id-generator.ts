import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../../application/ports/id-generator.js';

// Random (v4) UUIDs: unguessable, so an order id in a URL reveals nothing about other orders.
export class UuidIdGenerator implements IdGenerator {
  next(): string {
    return randomUUID();
  }
}
