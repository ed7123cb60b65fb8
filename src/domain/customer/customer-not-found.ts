import { DomainError } from '../shared/domain-error.js';

export class CustomerNotFound extends DomainError {
  readonly code = 'CUSTOMER.NOT_FOUND';
  readonly customerId: string;

  constructor(customerId: string) {
    super(`Customer ${customerId} does not exist`);
    this.customerId = customerId;
  }
}
