import { Authorizations } from './authorizations.js';
import { Delays } from './delays.js';
import { IdempotencyStore } from './idempotency.js';
import { Ledger } from './ledger.js';
import { PaymentMethods } from './payment-methods.js';

export interface SimulatorSettings {
  // How long `tok_slow` takes to answer: slower than usual, within any sensible client timeout.
  readonly slowDelayMs: number;
  // How long `tok_timeout` takes to answer: longer than the client waits.
  readonly timeoutDelayMs: number;
}

// Everything one simulator remembers; a new simulator starts from nothing.
export interface SimulatorState {
  readonly settings: SimulatorSettings;
  readonly ledger: Ledger;
  readonly authorizations: Authorizations;
  readonly paymentMethods: PaymentMethods;
  readonly idempotency: IdempotencyStore;
  readonly delays: Delays;
  // Requests per idempotency key, for the `tok_fail_N_then_approve` cards.
  readonly attempts: Map<string, number>;
}

export function createSimulatorState(settings: SimulatorSettings): SimulatorState {
  const ledger = new Ledger();
  return {
    settings,
    ledger,
    authorizations: new Authorizations(ledger),
    paymentMethods: new PaymentMethods(),
    idempotency: new IdempotencyStore(),
    delays: new Delays(),
    attempts: new Map(),
  };
}
