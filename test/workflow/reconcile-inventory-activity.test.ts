import type { LogLevel, LogMetadata } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { InMemoryIdempotencyKeys } from '../../src/adapters/memory/in-memory-idempotency-keys.js';
import { createMaintenanceActivities } from '../../src/adapters/temporal/maintenance-activities.js';
import { createMaintenanceUseCases } from '../../src/application/maintenance-use-cases.js';
import type { InventoryReconciliationReport } from '../../src/application/reconcile-inventory.js';
import { createMemoryWorld } from '../support/memory-world.js';

describe('the reconcileInventory activity', () => {
  it('repairs what it can prove, returns the counts, logs each product and hands the report on', async () => {
    const world = createMemoryWorld();
    await world.stockProduct('p-ok', 5);
    await world.stockProduct('p-held', 5);
    await world.stockProduct('p-shipped', 5);
    world.inventory.overwriteCounters({ productId: 'p-held', available: 4, reserved: 1, committed: 0 });
    world.inventory.overwriteCounters({ productId: 'p-shipped', available: 4, reserved: 0, committed: 1 });
    const lines: { level: LogLevel; message: string; meta?: LogMetadata }[] = [];
    const logger = {
      log: (level: LogLevel, message: string, meta?: LogMetadata) => lines.push({ level, message, meta }),
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string, meta?: LogMetadata) => lines.push({ level: 'WARN', message, meta }),
      error: (message: string, meta?: LogMetadata) => lines.push({ level: 'ERROR', message, meta }),
    };
    const reports: InventoryReconciliationReport[] = [];
    const useCases = createMaintenanceUseCases(
      { inventory: world.inventory, idempotencyKeys: new InMemoryIdempotencyKeys(), clock: world.clock },
      { settledInventoryDays: 30, idempotencyKeyHours: 24 },
    );
    const activities = createMaintenanceActivities(useCases, {
      inventoryReconciled: (report) => reports.push(report),
    });

    const environment = new MockActivityEnvironment({}, { logger });
    const result = await environment.run(activities.reconcileInventory);

    expect(result).toEqual({ checked: 3, drifted: 2, repaired: 1, unreadable: 0 });
    expect(await world.inventory.stockOf('p-held')).toEqual({
      productId: 'p-held',
      available: 5,
      reserved: 0,
      committed: 0,
    });
    expect(lines.map(({ message, meta }) => [message, meta?.productId])).toEqual(
      expect.arrayContaining([
        ['inventory counters repaired from their reservations', 'p-held'],
        ['inventory drift left for an operator', 'p-shipped'],
      ]),
    );
    expect(reports).toHaveLength(1);
  });
});
