import type { MikroORM } from '@mikro-orm/postgresql';
import type { CustomerRepository } from '../../application/ports/customer-repository.js';
import { Customer } from '../../domain/customer/customer.js';
import { CustomerRecord } from './customer.entity.js';
import { withPostgresFaults } from './postgres-faults.js';

// A fork per call. `add` is an insert that does nothing on a known id, then a read of what is stored:
// two registrations racing for one id both end up with the first one's row.
export class PostgresCustomerRepository implements CustomerRepository {
  private readonly orm: MikroORM;

  constructor(orm: MikroORM) {
    this.orm = orm;
  }

  findById(id: string): Promise<Customer | null> {
    return withPostgresFaults(async () => {
      const record = await this.orm.em.fork().findOne(CustomerRecord, { id });
      return record === null ? null : fromRecord(record);
    });
  }

  add(customer: Customer): Promise<Customer> {
    return withPostgresFaults(async () => {
      const em = this.orm.em.fork();
      await em
        .createQueryBuilder(CustomerRecord)
        .insert(toRecord(customer))
        .onConflict('id')
        .ignore()
        .execute();
      return fromRecord(await em.findOneOrFail(CustomerRecord, { id: customer.id }));
    });
  }

  save(customer: Customer): Promise<void> {
    return withPostgresFaults(async () => {
      const { id, ...changes } = toRecord(customer);
      await this.orm.em.fork().nativeUpdate(CustomerRecord, { id }, changes);
    });
  }
}

function toRecord(customer: Customer): CustomerRecord {
  const snapshot = customer.toSnapshot();
  return {
    ...snapshot,
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
  };
}

function fromRecord(record: CustomerRecord): Customer {
  return Customer.fromSnapshot({
    id: record.id,
    name: record.name,
    email: record.email,
    status: record.status,
    paymentMethodId: record.paymentMethodId ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  });
}
