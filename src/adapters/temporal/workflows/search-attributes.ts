import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes.js';
import type { SagaPhase } from '../../../application/sagas/saga-progress.js';

// What Temporal's UI and `temporal workflow list --query` can find sagas by, e.g.
// `OrderStatus = 'COMPENSATION_FAILED'`. Plain keys (no @temporalio/common at run time), so workflow
// code may use them. A namespace must register them before a saga starts or upserts them:
// scripts/lib/temporal.sh does so on the dev server, and the worker refuses to start without them.
export const ORDER_STATUS = {
  name: 'OrderStatus',
  type: 'KEYWORD',
} as const satisfies SearchAttributeKey<'KEYWORD'>;

export const CUSTOMER_ID = {
  name: 'CustomerId',
  type: 'KEYWORD',
} as const satisfies SearchAttributeKey<'KEYWORD'>;

// The news a saga waits for now (an order: `WaitingFor = 'shipment'`, then 'delivery') and until when;
// removed once it stops waiting. `WaitingFor = 'shipment' AND WaitDeadline < '...'` lists the orders
// close to their shipping deadline.
export const WAITING_FOR = {
  name: 'WaitingFor',
  type: 'KEYWORD',
} as const satisfies SearchAttributeKey<'KEYWORD'>;

export const WAIT_DEADLINE = {
  name: 'WaitDeadline',
  type: 'DATETIME',
} as const satisfies SearchAttributeKey<'DATETIME'>;

export const SAGA_SEARCH_ATTRIBUTES = [ORDER_STATUS, CUSTOMER_ID, WAITING_FOR, WAIT_DEADLINE] as const;

// OrderStatus holds the saga's phase; these are the ones a saga can stay in for good or for long by
// accident. CONFIRMED and SHIPPED are not among them: an order waits there for the warehouse, for days.
export const OPEN_PHASES = ['RUNNING', 'COMPENSATING', 'COMPENSATION_FAILED'] as const satisfies SagaPhase[];
