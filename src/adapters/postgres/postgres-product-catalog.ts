import type { MikroORM } from '@mikro-orm/postgresql';
import type { ProductCatalog } from '../../application/ports/product-catalog.js';
import type { Product } from '../../domain/catalog/product.js';
import { withPostgresFaults } from './postgres-faults.js';
import { ProductRecord } from './product.entity.js';
import { fromProductRecord, toProductRecord } from './product-mapper.js';

// The catalogue orders are priced from. Last write wins: a price has no version, and orders keep the
// price they were placed at.
export class PostgresProductCatalog implements ProductCatalog {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  findByIds(productIds: readonly string[]): Promise<readonly Product[]> {
    const ids = [...new Set(productIds)];
    if (ids.length === 0) return Promise.resolve([]);
    return withPostgresFaults(async () => {
      const records = await this.orm.em.fork().find(ProductRecord, { id: { $in: ids } });
      return records.map(fromProductRecord);
    });
  }

  save(product: Product): Promise<void> {
    return withPostgresFaults(async () => {
      // INSERT ... ON CONFLICT (id) DO UPDATE: one statement, so two registrations never collide.
      await this.orm.em.fork().upsert(ProductRecord, toProductRecord(product));
    });
  }
}
