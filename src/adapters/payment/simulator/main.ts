import pretty from 'pino-pretty';
import { createPaymentSimulator } from './payment-simulator.js';

// The simulator as a process, for the local stack and the dev run. HOST, PORT and LOG_LEVEL as for
// the service; the delays of the slow and hanging test cards can be shortened for quick runs.
function numberFrom(name: string, fallback: number, max: number): number {
  const raw = process.env[name]?.trim() || String(fallback);
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > max) {
    console.error(`${name} must be a whole number up to ${max}, got ${raw}`);
    process.exit(1);
  }
  return value;
}

// Readable lines in a developer's terminal; JSON lines in production (NODE_ENV=production) or with
// LOG_FORMAT=json, as for the service.
function logDestination() {
  const format =
    process.env.LOG_FORMAT?.trim() || (process.env.NODE_ENV === 'production' ? 'json' : 'pretty');
  if (format === 'json') return {};
  return { stream: pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) };
}

const host = process.env.HOST?.trim() || '127.0.0.1';
const port = numberFrom('PORT', 4010, 65_535);
const app = createPaymentSimulator({
  logger: { level: process.env.LOG_LEVEL?.trim() || 'info', ...logDestination() },
  slowDelayMs: numberFrom('PAYMENT_SIMULATOR_SLOW_MS', 2_000, 600_000),
  timeoutDelayMs: numberFrom('PAYMENT_SIMULATOR_TIMEOUT_MS', 60_000, 600_000),
});

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  try {
    await app.close();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

try {
  await app.listen({ host, port });
} catch (error) {
  app.log.error({ err: error }, 'payment simulator failed to start');
  process.exit(1);
}
