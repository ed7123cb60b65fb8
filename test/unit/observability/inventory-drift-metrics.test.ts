import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { InventoryDriftMetrics } from '../../../src/adapters/temporal/metrics/inventory-drift.js';

async function values(registry: Registry, name: string): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric(name)?.get();
  return Object.fromEntries(
    (metric?.values ?? []).map(({ labels, value }) => [Object.values(labels).join(',') || '-', value]),
  );
}

describe('InventoryDriftMetrics', () => {
  it('exports the units left unrepaired by kind, and counts the products repaired apart', async () => {
    const registry = new Registry();
    const metrics = new InventoryDriftMetrics(registry);
    const level = { productId: 'p-1', available: 9, reserved: 1, committed: 0 };

    metrics.record(
      {
        checked: 3,
        drifted: [
          { productId: 'p-1', reserved: 1, committed: 0, stranded: 0 },
          { productId: 'p-2', reserved: 0, committed: -2, stranded: 0 },
          { productId: 'p-3', reserved: 0, committed: 0, stranded: 4 },
        ],
        repaired: [{ before: { ...level, available: 8, reserved: 2 }, after: level }],
        unreadable: [],
      },
      1_700_000_000_000,
    );

    expect(await values(registry, 'order_saga_inventory_drift_units')).toEqual({
      reserved: 0,
      committed: 2,
      stranded: 4,
    });
    expect(await values(registry, 'order_saga_inventory_drifted_products')).toEqual({ true: 1, false: 2 });
    expect(await values(registry, 'order_saga_inventory_repairs_total')).toEqual({ '-': 1 });
    expect(await values(registry, 'order_saga_inventory_reconciled_timestamp_seconds')).toEqual({
      '-': 1_700_000_000,
    });
  });
});
