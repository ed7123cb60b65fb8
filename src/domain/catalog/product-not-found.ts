import { DomainError } from '../shared/domain-error.js';

export class ProductNotFound extends DomainError {
  readonly code = 'PRODUCT.NOT_FOUND';
  readonly productId: string;

  constructor(productId: string) {
    super(`Product ${productId} does not exist`);
    this.productId = productId;
  }
}
