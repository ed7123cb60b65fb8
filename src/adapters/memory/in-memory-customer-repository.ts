import type { CustomerRepository } from '../../application/ports/customer-repository.js';
import { Customer, type CustomerSnapshot } from '../../domain/customer/customer.js';

export class InMemoryCustomerRepository implements CustomerRepository {
  private readonly rows = new Map<string, CustomerSnapshot>();

  async findById(id: string): Promise<Customer | null> {
    const row = this.rows.get(id);
    return row === undefined ? null : Customer.fromSnapshot(row);
  }

  async add(customer: Customer): Promise<Customer> {
    if (!this.rows.has(customer.id)) this.rows.set(customer.id, customer.toSnapshot());
    return Customer.fromSnapshot(this.rows.get(customer.id) as CustomerSnapshot);
  }

  async save(customer: Customer): Promise<void> {
    this.rows.set(customer.id, customer.toSnapshot());
  }
}
