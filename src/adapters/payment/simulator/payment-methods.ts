import { randomUUID } from 'node:crypto';
import type { PaymentMethod } from '../wire.js';

// Cards the simulator keeps for customers, to charge later without asking for the card again.
export class PaymentMethods {
  private readonly methods = new Map<string, PaymentMethod>();

  register(customerId: string): PaymentMethod {
    const method = {
      id: `pm_${randomUUID().replaceAll('-', '')}`,
      customerId,
      createdAt: new Date().toISOString(),
    };
    this.methods.set(method.id, method);
    return method;
  }

  // Whether the method is kept, and for this customer: a method is charged only for its owner.
  isKeptFor(paymentMethodId: string, customerId: string): boolean {
    return this.methods.get(paymentMethodId)?.customerId === customerId;
  }

  of(customerId: string): PaymentMethod[] {
    return [...this.methods.values()].filter((method) => method.customerId === customerId);
  }

  removeAllOf(customerId: string): void {
    for (const method of this.of(customerId)) this.methods.delete(method.id);
  }
}
