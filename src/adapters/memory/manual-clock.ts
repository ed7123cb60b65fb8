import type { Clock } from '../../application/ports/clock.js';

// Time moves only when a test says so, so that timestamps can be asserted exactly.
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date = new Date('2025-01-01T00:00:00.000Z')) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
