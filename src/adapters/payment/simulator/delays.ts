import { setTimeout as sleep } from 'node:timers/promises';

// Slow and hanging answers are timers; closing the simulator cuts them short so that a test run or a
// SIGTERM never waits for a simulated hang to run out.
export class Delays {
  private readonly stop = new AbortController();

  async wait(ms: number): Promise<void> {
    if (ms <= 0) return;
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }

  cutShort(): void {
    this.stop.abort();
  }
}
