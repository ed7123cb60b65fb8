import { requireId, requireText } from '../shared/require.js';
import { ValidationError } from '../shared/validation-error.js';

export const CUSTOMER_STATUSES = ['ACTIVE', 'DELETED'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export interface CustomerSnapshot {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly status: CustomerStatus;
  readonly paymentMethodId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

// Enough of an address to send mail to; the mail server is the judge of the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// A customer who pays with a card the gateway keeps for them. Deleted rather than removed, so that a
// registration undone leaves a trace, and a repeated undo finds the customer it undid.
export class Customer {
  private readonly snapshot: CustomerSnapshot;

  private constructor(snapshot: CustomerSnapshot) {
    this.snapshot = snapshot;
  }

  static register(input: { id: string; name: string; email: string; at: Date }): Customer {
    const email = requireText(input.email, 'email', 254);
    if (!EMAIL.test(email)) {
      throw new ValidationError('VALIDATION.INVALID_FIELD', 'email', 'email must be an e-mail address');
    }
    const at = input.at.toISOString();
    return new Customer({
      id: requireId(input.id, 'customerId'),
      name: requireText(input.name, 'name', 200),
      email,
      status: 'ACTIVE',
      paymentMethodId: null,
      createdAt: at,
      updatedAt: at,
    });
  }

  static fromSnapshot(snapshot: CustomerSnapshot): Customer {
    return new Customer({ ...snapshot });
  }

  get id(): string {
    return this.snapshot.id;
  }

  get status(): CustomerStatus {
    return this.snapshot.status;
  }

  get paymentMethodId(): string | null {
    return this.snapshot.paymentMethodId;
  }

  // Whether an order of this customer may be charged to the payment method: theirs, kept, not deleted.
  paysWith(paymentMethodId: string): boolean {
    return this.snapshot.status === 'ACTIVE' && this.snapshot.paymentMethodId === paymentMethodId;
  }

  withPaymentMethod(paymentMethodId: string, at: Date): Customer {
    return this.changed({ paymentMethodId: requireId(paymentMethodId, 'paymentMethodId') }, at);
  }

  withoutPaymentMethod(at: Date): Customer {
    return this.changed({ paymentMethodId: null }, at);
  }

  deleted(at: Date): Customer {
    return this.changed({ status: 'DELETED' }, at);
  }

  toSnapshot(): CustomerSnapshot {
    return { ...this.snapshot };
  }

  private changed(change: Partial<CustomerSnapshot>, at: Date): Customer {
    return new Customer({ ...this.snapshot, ...change, updatedAt: at.toISOString() });
  }
}
