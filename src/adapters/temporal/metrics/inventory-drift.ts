import { Counter, Gauge, type Registry } from 'prom-client';
import type { InventoryReconciliationReport } from '../../../application/reconcile-inventory.js';

const KINDS = ['reserved', 'committed', 'stranded'] as const;

// What the last inventory reconciliation run on this worker found and could not repair, in units of
// stock by kind of drift: reserved (more or fewer units held than HELD reservations), committed (more
// or fewer gone than COMMITTED reservations), stranded (HELD for orders already released or committed).
// Each worker reports its own last run, with its time, so that an alert can read the latest one only.
export class InventoryDriftMetrics {
  private readonly units: Gauge<'kind'>;
  private readonly products: Gauge<'repaired'>;
  private readonly reconciledAt: Gauge;
  private readonly repairs: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.units = new Gauge({
      name: 'order_saga_inventory_drift_units',
      help: 'Units of stock whose counters disagree with their reservations and were left unrepaired by the last reconciliation on this worker, by kind (reserved, committed, stranded).',
      labelNames: ['kind'],
      registers,
    });
    this.products = new Gauge({
      name: 'order_saga_inventory_drifted_products',
      help: 'Products found drifted by the last reconciliation on this worker, by whether it repaired them.',
      labelNames: ['repaired'],
      registers,
    });
    this.reconciledAt = new Gauge({
      name: 'order_saga_inventory_reconciled_timestamp_seconds',
      help: 'When the last inventory reconciliation on this worker finished (0: none yet).',
      registers,
    });
    this.repairs = new Counter({
      name: 'order_saga_inventory_repairs_total',
      help: 'Products whose counters an inventory reconciliation rewrote from their reservations.',
      registers,
    });
    for (const kind of KINDS) this.units.set({ kind }, 0);
    for (const repaired of ['true', 'false']) this.products.set({ repaired }, 0);
    this.reconciledAt.set(0);
  }

  record(report: InventoryReconciliationReport, now = Date.now()): void {
    const repaired = new Set(report.repaired.map(({ after }) => after.productId));
    const left = report.drifted.filter((drift) => !repaired.has(drift.productId));
    for (const kind of KINDS)
      this.units.set(
        { kind },
        left.reduce((sum, drift) => sum + Math.abs(drift[kind]), 0),
      );
    this.products.set({ repaired: 'true' }, repaired.size);
    this.products.set({ repaired: 'false' }, left.length);
    this.repairs.inc(repaired.size);
    this.reconciledAt.set(now / 1000);
  }
}
