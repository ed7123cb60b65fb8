import { createHmac } from 'node:crypto';
import type { CustomerTokenSettings } from '../adapters/jwt/jose-customer-tokens.js';
import type { PayloadKey } from '../adapters/temporal/payload-codec.js';
import { DEFAULT_SHIPPING_DEADLINE_SECONDS } from '../application/sagas/order-saga.js';

// The service's settings, read from the environment once at start. Defaults match the local stack
// (scripts/stack.sh) and .env.example; a malformed value stops the process with a message naming it.

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly logLevel: string;
  readonly databaseUrl: string;
  readonly mongodbUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  readonly temporalTaskQueue: string;
  readonly paymentGatewayUrl: string;
  readonly paymentGatewayTimeoutMs: number;
  // The file the worker's mail catcher writes every e-mail to, one JSON line each; nothing is sent.
  readonly mailOutboxPath: string;
  // The SMTP server the worker sends e-mail through (smtp:// or smtps://, credentials in the URL);
  // null keeps the mail catcher. Mail goes out from mailFrom.
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  // How long the API waits for Temporal to answer a saga query or cancellation before a 503.
  readonly temporalCallTimeoutMs: number;
  // The key catalogue writes need; null when unset (only the API requires it, see requireAdminApiKey).
  readonly adminApiKey: string | null;
  // How long the stock records of a settled order are kept (days), and an Idempotency-Key after its
  // answer (hours), before the maintenance workflow removes them; how often it runs (minutes).
  readonly settledInventoryRetentionDays: number;
  readonly idempotencyKeyRetentionHours: number;
  readonly maintenanceIntervalMinutes: number;
  // Signs GET /orders cursors; null derives one from the admin key (see cursorKeyOf).
  readonly cursorSigningKey: string | null;
  // Customers' bearer tokens: verified against the identity provider's JWKS in production; without
  // one, signed with a local secret (CUSTOMER_TOKEN_SECRET, or one derived from the admin key).
  readonly customerJwksUrl: string | null;
  readonly customerTokenSecret: string | null;
  readonly customerTokenIssuer: string;
  readonly customerTokenAudience: string;
  // Requests a minute that one credential (or one address without any) may send the API.
  readonly rateLimitPerMinute: number;
  // The payload codec's AES-256 keys: the first encrypts what goes into Temporal, any decrypts.
  readonly payloadKeys: readonly PayloadKey[];
  // The Temporal Web UI's origins, which may call the API's codec endpoint (CORS).
  readonly temporalUiOrigins: readonly string[];
  // How long a confirmed order may wait for shipment, given to each saga the API starts.
  readonly shippingDeadlineSeconds: number;
}

export const DEV_PAYLOAD_KEY_ID = 'dev-public';

export const defaults = {
  HOST: '127.0.0.1',
  PORT: '3000',
  LOG_LEVEL: 'info',
  DATABASE_URL: 'postgres://order_saga:order_saga@127.0.0.1:54329/order_saga',
  MONGODB_URL: 'mongodb://127.0.0.1:27027/order_saga',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TEMPORAL_TASK_QUEUE: 'order-saga',
  PAYMENT_GATEWAY_URL: 'http://127.0.0.1:4010',
  PAYMENT_GATEWAY_TIMEOUT_MS: '10000',
  MAIL_OUTBOX_PATH: '.data/mail/outbox.jsonl',
  SMTP_URL: '',
  MAIL_FROM: 'order-saga <no-reply@localhost>',
  TEMPORAL_CALL_TIMEOUT_MS: '5000',
  // No default key: a guessable one would open the catalogue to anyone who read this file.
  ADMIN_API_KEY: '',
  // Days, not hours: see remove-settled-inventory.ts for why this must dwarf any retry of a saga step.
  SETTLED_INVENTORY_RETENTION_DAYS: '30',
  // As payment APIs keep theirs: a client retries within a day or not at all.
  IDEMPOTENCY_KEY_RETENTION_HOURS: '24',
  MAINTENANCE_INTERVAL_MINUTES: '60',
  CURSOR_SIGNING_KEY: '',
  CUSTOMER_JWKS_URL: '',
  CUSTOMER_TOKEN_SECRET: '',
  CUSTOMER_TOKEN_ISSUER: 'order-saga',
  CUSTOMER_TOKEN_AUDIENCE: 'order-saga-api',
  RATE_LIMIT_PER_MINUTE: '1200',
  // id:base64 of 32 bytes, comma-separated. The default is public, so it protects nothing: it lets
  // `npm start` and the tests run with no setup, and the API and worker agree without sharing anything.
  // NODE_ENV=production refuses it (see payloadKeys).
  TEMPORAL_PAYLOAD_KEYS: `${DEV_PAYLOAD_KEY_ID}:9B5Jxhscfw8goSrWe5na/zAtoR8Nh5VOxIDC1VhQ9pc=`,
  // Empty: the local stack's UI (http://127.0.0.1 and localhost on TEMPORAL_UI_PORT, 8233 by default).
  TEMPORAL_UI_ORIGINS: '',
  // 7 days after confirmation; a few seconds in the end-to-end test of a missed deadline.
  SHIPPING_DEADLINE_SECONDS: String(DEFAULT_SHIPPING_DEADLINE_SECONDS),
} as const;

type Name = keyof typeof defaults;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const read = (name: Name): string => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? defaults[name] : value;
  };
  const url = (name: Name, protocols: readonly string[]): string => {
    const value = read(name);
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')}, got ${parsed.protocol}`);
      }
    } catch {
      problems.push(`${name} is not a URL: ${JSON.stringify(value)}`);
    }
    return value;
  };
  const port = (name: Name): number => {
    const value = read(name);
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 65_535)
      problems.push(`${name} must be a port (1-65535), got ${value}`);
    return n;
  };
  const positiveInteger = (name: Name): number => {
    const value = read(name);
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) problems.push(`${name} must be a positive integer, got ${value}`);
    return n;
  };
  const hostPort = (name: Name): string => {
    const value = read(name);
    if (!/^[\w.-]+:\d{1,5}$/.test(value)) problems.push(`${name} must be host:port, got ${value}`);
    return value;
  };
  const secret = (name: Name): string | null => {
    const value = read(name);
    if (value === '') return null;
    if (value.length < 16 || /\s/.test(value)) {
      problems.push(`${name} must be at least 16 characters without spaces`);
    }
    return value;
  };
  const oneOf = (name: Name, allowed: readonly string[]): string => {
    const value = read(name);
    if (!allowed.includes(value)) problems.push(`${name} must be one of ${allowed.join(', ')}, got ${value}`);
    return value;
  };

  const config: Config = {
    host: read('HOST'),
    port: port('PORT'),
    logLevel: oneOf('LOG_LEVEL', logLevels),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    mongodbUrl: url('MONGODB_URL', ['mongodb:']),
    temporalAddress: hostPort('TEMPORAL_ADDRESS'),
    temporalNamespace: read('TEMPORAL_NAMESPACE'),
    temporalTaskQueue: read('TEMPORAL_TASK_QUEUE'),
    paymentGatewayUrl: url('PAYMENT_GATEWAY_URL', ['http:', 'https:']),
    paymentGatewayTimeoutMs: positiveInteger('PAYMENT_GATEWAY_TIMEOUT_MS'),
    mailOutboxPath: read('MAIL_OUTBOX_PATH'),
    smtpUrl: read('SMTP_URL') === '' ? null : smtpUrl(read('SMTP_URL'), problems),
    mailFrom: read('MAIL_FROM'),
    temporalCallTimeoutMs: positiveInteger('TEMPORAL_CALL_TIMEOUT_MS'),
    adminApiKey: secret('ADMIN_API_KEY'),
    settledInventoryRetentionDays: positiveInteger('SETTLED_INVENTORY_RETENTION_DAYS'),
    idempotencyKeyRetentionHours: positiveInteger('IDEMPOTENCY_KEY_RETENTION_HOURS'),
    maintenanceIntervalMinutes: positiveInteger('MAINTENANCE_INTERVAL_MINUTES'),
    cursorSigningKey: secret('CURSOR_SIGNING_KEY'),
    customerJwksUrl: read('CUSTOMER_JWKS_URL') === '' ? null : url('CUSTOMER_JWKS_URL', ['https:', 'http:']),
    customerTokenSecret: secret('CUSTOMER_TOKEN_SECRET'),
    customerTokenIssuer: read('CUSTOMER_TOKEN_ISSUER'),
    customerTokenAudience: read('CUSTOMER_TOKEN_AUDIENCE'),
    rateLimitPerMinute: positiveInteger('RATE_LIMIT_PER_MINUTE'),
    payloadKeys: payloadKeys(read('TEMPORAL_PAYLOAD_KEYS'), env.NODE_ENV === 'production', problems),
    temporalUiOrigins: temporalUiOrigins(read('TEMPORAL_UI_ORIGINS'), env.TEMPORAL_UI_PORT, problems),
    shippingDeadlineSeconds: positiveInteger('SHIPPING_DEADLINE_SECONDS'),
  };
  // A restock's id is kept with the settled stock records and must outlive its key, by a margin for a
  // key answered near the end of its claim's retention (restocks.ts, retention.ts).
  if (config.idempotencyKeyRetentionHours * 2 >= config.settledInventoryRetentionDays * 24) {
    problems.push(
      'IDEMPOTENCY_KEY_RETENTION_HOURS must be less than half of SETTLED_INVENTORY_RETENTION_DAYS in hours',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

// The API cannot guard the catalogue without a key, so it refuses to start without one; the worker,
// which has no catalogue routes, does not need it.
export function requireAdminApiKey(config: Config): string {
  if (config.adminApiKey === null) {
    throw new ConfigError([
      'ADMIN_API_KEY is required by the API (at least 16 characters), e.g. `openssl rand -hex 24`',
    ]);
  }
  return config.adminApiKey;
}

// Every API process sharing the admin key derives the same cursor key, so a cursor one instance gave
// out is good at the next, with no extra setting in development; production may set its own.
export function cursorKeyOf(config: Config, adminApiKey: string): string {
  return config.cursorSigningKey ?? derived(adminApiKey, 'cursor-signing-key');
}

// The same for the local secret of customers' tokens: `npm run token` and the API agree on it.
export function customerTokenSettingsOf(config: Config): CustomerTokenSettings {
  const base = { issuer: config.customerTokenIssuer, audience: config.customerTokenAudience };
  if (config.customerJwksUrl !== null) return { ...base, keys: { jwksUrl: config.customerJwksUrl } };
  const secret = config.customerTokenSecret ?? derived(requireAdminApiKey(config), 'customer-token-secret');
  return { ...base, keys: { secret } };
}

// Not derived from ADMIN_API_KEY as the other dev secrets are: the worker runs without that key, and
// `npm start` makes up a new one at each run, which would strand the sagas already in Temporal.
function payloadKeys(value: string, production: boolean, problems: string[]): PayloadKey[] {
  const keys: PayloadKey[] = [];
  for (const entry of value.split(',').map((part) => part.trim())) {
    const [, id, base64] = /^([A-Za-z0-9_.-]{1,64}):([A-Za-z0-9+/=_-]+)$/.exec(entry) ?? [];
    const secret = base64 === undefined ? null : Buffer.from(base64, 'base64');
    if (id === undefined || secret === null || secret.length !== 32) {
      problems.push(
        'TEMPORAL_PAYLOAD_KEYS must be id:key pairs, comma-separated, each key 32 bytes in base64 ' +
          '(`openssl rand -base64 32`)',
      );
      return [];
    }
    if (keys.some((key) => key.id === id)) problems.push(`TEMPORAL_PAYLOAD_KEYS names key ${id} twice`);
    if (production && id === DEV_PAYLOAD_KEY_ID) {
      problems.push(
        `TEMPORAL_PAYLOAD_KEYS: the public key ${id} encrypts nothing worth hiding; set your own`,
      );
    }
    keys.push({ id, secret: new Uint8Array(secret) });
  }
  return keys;
}

function temporalUiOrigins(value: string, uiPort: string | undefined, problems: string[]): string[] {
  if (value === '') {
    const port = uiPort?.trim() || '8233';
    return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  }
  const origins = value.split(',').map((part) => part.trim());
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`TEMPORAL_UI_ORIGINS must be origins (scheme://host[:port]), got ${origin}`);
    }
  }
  return origins;
}

// Signs the codec endpoint's sessions of the Temporal Web UI; every API instance derives the same.
export function codecSessionSecretOf(adminApiKey: string): string {
  return derived(adminApiKey, 'codec-session-secret');
}

function derived(adminApiKey: string, purpose: string): string {
  return createHmac('sha256', adminApiKey).update(`order-saga/${purpose}`).digest('base64url');
}

// smtp://[user:password@]host[:port] or smtps://...: a host is needed, and a port must be one.
function smtpUrl(value: string, problems: string[]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    problems.push('SMTP_URL is not a URL (smtp://user:password@host:port)');
    return value;
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    problems.push(`SMTP_URL must use smtp: or smtps:, got ${parsed.protocol}`);
  } else if (parsed.hostname === '') {
    problems.push('SMTP_URL names no host');
  }
  return value;
}
