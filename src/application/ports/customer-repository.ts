import type { Customer } from '../../domain/customer/customer.js';

// Customers by id. A saga changes one customer one step at a time, so the last write wins: no version.
export interface CustomerRepository {
  findById(id: string): Promise<Customer | null>;
  // Stores the customer unless one with its id exists; returns the one stored, so a repeat is harmless.
  add(customer: Customer): Promise<Customer>;
  // Overwrites a stored customer.
  save(customer: Customer): Promise<void>;
}
