import { HttpPaymentGateway } from '../../src/adapters/payment/http-payment-gateway.js';
import type {
  LedgerEntry,
  LedgerFilter,
  LedgerSummary,
} from '../../src/adapters/payment/simulator/ledger.js';
import {
  createPaymentSimulator,
  type PaymentSimulatorOptions,
} from '../../src/adapters/payment/simulator/payment-simulator.js';

// Short enough to keep the suites quick, far enough apart that a slow machine does not blur them:
// tok_slow answers well within the client's timeout, tok_timeout only when the simulator closes.
export const CLIENT_TIMEOUT_MS = 1_000;
const FAST_SETTINGS = { slowDelayMs: 20, timeoutDelayMs: 30_000 };

export interface RunningSimulator {
  readonly baseUrl: string;
  gateway(options?: { timeoutMs?: number }): HttpPaymentGateway;
  ledger(filter?: LedgerFilter): Promise<LedgerEntry[]>;
  summary(filter?: LedgerFilter): Promise<LedgerSummary>;
  close(): Promise<void>;
}

// A real simulator on an ephemeral port, read through its HTTP API like any other client would.
export async function startPaymentSimulator(
  options: PaymentSimulatorOptions = {},
): Promise<RunningSimulator> {
  const app = createPaymentSimulator({ logger: false, ...FAST_SETTINGS, ...options });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const read = async <T>(path: string, filter: LedgerFilter): Promise<T> => {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined));
    const response = await fetch(`${baseUrl}${path}?${query}`);
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    baseUrl,
    gateway: (gatewayOptions = {}) =>
      new HttpPaymentGateway({ baseUrl, timeoutMs: CLIENT_TIMEOUT_MS, ...gatewayOptions }),
    ledger: async (filter = {}) => (await read<{ data: LedgerEntry[] }>('/v1/ledger', filter)).data,
    summary: (filter = {}) => read<LedgerSummary>('/v1/ledger/summary', filter),
    close: () => app.close(),
  };
}

let orders = 0;

// Order ids unique within a run and across runs against a long-lived simulator.
export function anOrderId(): string {
  orders += 1;
  return `order-${process.pid}-${Date.now().toString(36)}-${orders}`;
}
