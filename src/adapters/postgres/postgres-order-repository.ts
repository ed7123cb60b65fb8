import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/postgresql';
import type { OrderQuery, OrderRepository } from '../../application/ports/order-repository.js';
import { ConcurrencyConflict } from '../../application/transient-fault.js';
import { Order } from '../../domain/order/order.js';
import { OrderRecord } from './order.entity.js';
import { fromOrderRecord, toOrderChanges, toOrderRecord } from './order-mapper.js';
import { isUniqueViolation, withPostgresFaults } from './postgres-faults.js';

// Orders and their lines. Every call is its own unit of work on a fresh fork of the root
// EntityManager, so no identity map is shared between concurrent saga steps.
export class PostgresOrderRepository implements OrderRepository {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  findById(orderId: string): Promise<Order | null> {
    return withPostgresFaults(async () => {
      // One query (a join) rather than one for the order and one for its lines: every saga step reads it.
      const record = await this.orm.em
        .fork()
        .findOne(OrderRecord, orderId, { populate: ['lines'], strategy: 'joined' });
      return record === null ? null : fromOrderRecord(record);
    });
  }

  list(query: OrderQuery): Promise<readonly Order[]> {
    return withPostgresFaults(async () => {
      const { status, customerId, after } = query;
      const where: FilterQuery<OrderRecord> = {
        ...(status === undefined ? {} : { status }),
        ...(customerId === undefined ? {} : { customerId }),
        // Strictly after the last order of the previous page, in (createdAt, id) descending order.
        ...(after === undefined
          ? {}
          : {
              $or: [
                { createdAt: { $lt: after.createdAt } },
                { createdAt: after.createdAt, id: { $lt: after.id } },
              ],
            }),
      };
      const records = await this.orm.em.fork().find(OrderRecord, where, {
        populate: ['lines'],
        orderBy: { createdAt: 'desc', id: 'desc' },
        limit: query.limit,
      });
      return records.map(fromOrderRecord);
    });
  }

  save(order: Order): Promise<Order> {
    return withPostgresFaults(async () => {
      const em = this.orm.em.fork();
      if (order.version === 0) await this.insert(em, order);
      else await this.update(em, order);
      return Order.fromSnapshot({ ...order.toSnapshot(), version: order.version + 1 });
    });
  }

  // The primary key refuses an order that exists already: that writer lost the race to create it.
  private async insert(em: EntityManager, order: Order): Promise<void> {
    em.create(OrderRecord, toOrderRecord(order, 1));
    try {
      await em.flush();
    } catch (error) {
      if (isUniqueViolation(error)) throw await this.conflict(order);
      throw error;
    }
  }

  // Compare-and-set on the version: of two writers that read the same version, PostgreSQL lets the
  // first update through and re-checks the second's condition against the row the first wrote.
  private async update(em: EntityManager, order: Order): Promise<void> {
    const updated = await em.nativeUpdate(
      OrderRecord,
      { id: order.id, version: order.version },
      toOrderChanges(order, order.version + 1),
    );
    if (updated === 0) throw await this.conflict(order);
  }

  private async conflict(order: Order): Promise<ConcurrencyConflict> {
    const stored = await this.orm.em.fork().findOne(OrderRecord, order.id, { fields: ['version'] });
    return new ConcurrencyConflict('Order', order.id, order.version, stored?.version ?? 0);
  }
}
