import { describe, expect, it } from 'vitest';
import { InMemoryInventory } from '../../../src/adapters/memory/in-memory-inventory.js';
import { ReconcileInventory } from '../../../src/application/reconcile-inventory.js';
import { DependencyUnavailable } from '../../../src/application/transient-fault.js';

async function inventoryOf(products: number): Promise<InMemoryInventory> {
  const inventory = new InMemoryInventory();
  for (let i = 0; i < products; i += 1) {
    const productId = `p-${String(i).padStart(3, '0')}`;
    await inventory.restock(productId, 10);
    await inventory.reserve(`o-${i}`, [{ productId, quantity: 1 }]);
  }
  return inventory;
}

describe('ReconcileInventory', () => {
  it('checks every product, page after page, and repairs only the drift it can prove', async () => {
    const inventory = await inventoryOf(250);
    inventory.overwriteCounters({ productId: 'p-007', available: 8, reserved: 2, committed: 0 });
    inventory.overwriteCounters({ productId: 'p-201', available: 8, reserved: 1, committed: 1 });

    const report = await new ReconcileInventory({ inventory }).execute();

    expect(report.checked).toBe(250);
    expect(report.drifted).toEqual([
      { productId: 'p-007', reserved: 1, committed: 0, stranded: 0 },
      { productId: 'p-201', reserved: 0, committed: 1, stranded: 0 },
    ]);
    expect(report.repaired).toEqual([
      {
        before: { productId: 'p-007', available: 8, reserved: 2, committed: 0 },
        after: { productId: 'p-007', available: 9, reserved: 1, committed: 0 },
      },
    ]);
    expect(await inventory.stockOf('p-201')).toEqual({
      productId: 'p-201',
      available: 8,
      reserved: 1,
      committed: 1,
    });
  });

  it('finds nothing more to repair on a second run', async () => {
    const inventory = await inventoryOf(3);
    inventory.overwriteCounters({ productId: 'p-001', available: 7, reserved: 3, committed: 0 });
    const reconcile = new ReconcileInventory({ inventory });

    await reconcile.execute();

    expect(await reconcile.execute()).toEqual({ checked: 3, drifted: [], repaired: [], unreadable: [] });
  });

  it('names a product it cannot recount and goes on; stops on an outage, for the activity to retry', async () => {
    const inventory = await inventoryOf(3);
    const reconcile = inventory.reconcile.bind(inventory);
    let outage = false;
    inventory.reconcile = async (productId, decide) => {
      if (outage) throw new DependencyUnavailable('mongodb');
      if (productId === 'p-001') throw new Error('Product p-001 holds a reservation in status LOST');
      return reconcile(productId, decide);
    };

    expect(await new ReconcileInventory({ inventory }).execute()).toMatchObject({
      checked: 2,
      unreadable: [{ productId: 'p-001', reason: 'Product p-001 holds a reservation in status LOST' }],
    });
    outage = true;
    await expect(new ReconcileInventory({ inventory }).execute()).rejects.toBeInstanceOf(
      DependencyUnavailable,
    );
  });
});
