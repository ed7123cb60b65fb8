import { DependencyUnavailable } from '../../application/transient-fault.js';

// Scripted failures for the in-memory gateway: `before` fails a call before it has any effect (the
// gateway was down), `after` fails it once the effect is done (the answer was lost on the way back).
export class GatewayFaults {
  private readonly script: ('before' | 'after')[] = [];

  failNext(count = 1, when: 'before' | 'after' = 'before'): void {
    for (let i = 0; i < count; i += 1) this.script.push(when);
  }

  async beforeCall(): Promise<void> {
    if (this.script[0] === 'before') this.fail();
  }

  async afterCall(): Promise<void> {
    if (this.script[0] === 'after') this.fail();
  }

  private fail(): never {
    this.script.shift();
    throw new DependencyUnavailable('payment gateway');
  }
}
