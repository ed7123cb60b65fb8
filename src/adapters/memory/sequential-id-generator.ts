import type { IdGenerator } from '../../application/ports/id-generator.js';

// Predictable ids (order-1, order-2...) that a test can name before they exist.
export class SequentialIdGenerator implements IdGenerator {
  private readonly prefix: string;
  private last = 0;

  constructor(prefix = 'id') {
    this.prefix = prefix;
  }

  next(): string {
    this.last += 1;
    return `${this.prefix}-${this.last}`;
  }
}
