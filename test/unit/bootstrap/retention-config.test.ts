import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/bootstrap/config.js';

describe('the retention settings', () => {
  it('default to 30 days for settled stock records, 24 hours for keys, a run every hour', () => {
    expect(loadConfig({})).toMatchObject({
      settledInventoryRetentionDays: 30,
      idempotencyKeyRetentionHours: 24,
      maintenanceIntervalMinutes: 60,
    });
  });

  it('are read from the environment', () => {
    const env = {
      SETTLED_INVENTORY_RETENTION_DAYS: '90',
      IDEMPOTENCY_KEY_RETENTION_HOURS: '48',
      MAINTENANCE_INTERVAL_MINUTES: '15',
    };
    expect(loadConfig(env)).toMatchObject({
      settledInventoryRetentionDays: 90,
      idempotencyKeyRetentionHours: 48,
      maintenanceIntervalMinutes: 15,
    });
  });

  it.each([
    ['SETTLED_INVENTORY_RETENTION_DAYS', '0'],
    ['SETTLED_INVENTORY_RETENTION_DAYS', '0.5'],
    ['IDEMPOTENCY_KEY_RETENTION_HOURS', '-1'],
    ['MAINTENANCE_INTERVAL_MINUTES', 'hourly'],
  ])('refuse %s=%s at start, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('refuses keys kept so long that a restock id could go before its key', () => {
    const env = { SETTLED_INVENTORY_RETENTION_DAYS: '2', IDEMPOTENCY_KEY_RETENTION_HOURS: '24' };
    expect(() => loadConfig(env)).toThrow(/IDEMPOTENCY_KEY_RETENTION_HOURS must be less than half/);
    expect(loadConfig({ ...env, IDEMPOTENCY_KEY_RETENTION_HOURS: '23' })).toMatchObject({
      idempotencyKeyRetentionHours: 23,
    });
  });
});
