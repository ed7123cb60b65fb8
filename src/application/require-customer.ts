import type { Customer } from '../domain/customer/customer.js';
import { CustomerNotFound } from '../domain/customer/customer-not-found.js';
import type { CustomerRepository } from './ports/customer-repository.js';

export async function requireCustomer(customers: CustomerRepository, customerId: string): Promise<Customer> {
  const customer = await customers.findById(customerId);
  if (customer === null) throw new CustomerNotFound(customerId);
  return customer;
}
