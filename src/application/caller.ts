import { OrderNotFound } from '../domain/order/order-errors.js';
import { Forbidden } from './application-error.js';

// What an API key may be allowed to do. A customer needs none: a token lets them act on their own orders.
export const SCOPES = [
  'catalog:write',
  'orders:read-all',
  'warehouse:fulfil',
  'ops:compensation',
  // Read sagas' payloads decoded (card tokens among them) through the codec endpoint.
  'ops:payloads',
] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

// Who is asking: a customer (the subject of a verified token) or a key of staff or a service.
export type Caller =
  | { readonly kind: 'customer'; readonly customerId: string }
  | { readonly kind: 'key'; readonly keyId: string; readonly scopes: readonly Scope[] };

export function hasScope(caller: Caller, scope: Scope): boolean {
  return caller.kind === 'key' && caller.scopes.includes(scope);
}

// A customer places orders only for themself.
export function requireSelf(caller: Caller, customerId: string): void {
  if (caller.kind !== 'customer' || caller.customerId !== customerId) {
    throw new Forbidden('A customer places orders only for themself: customerId must be the token’s subject');
  }
}

// Another customer's order is answered exactly like one that does not exist, so ids leak nothing.
export function requireOwnOrReadAll(caller: Caller, order: { id: string; customerId: string }): void {
  if (hasScope(caller, 'orders:read-all')) return;
  if (caller.kind === 'customer' && caller.customerId === order.customerId) return;
  throw new OrderNotFound(order.id);
}

// Only the order's customer may change it (cancel it); to anyone else it does not exist.
export function requireOwn(caller: Caller, order: { id: string; customerId: string }): void {
  if (caller.kind !== 'customer' || caller.customerId !== order.customerId) throw new OrderNotFound(order.id);
}
