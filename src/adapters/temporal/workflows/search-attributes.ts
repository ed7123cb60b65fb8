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

export const SAGA_SEARCH_ATTRIBUTES = [ORDER_STATUS, CUSTOMER_ID] as const;

// OrderStatus holds the saga's phase; these are the ones a saga can stay in for good or for long.
export const OPEN_PHASES = ['RUNNING', 'COMPENSATING', 'COMPENSATION_FAILED'] as const satisfies SagaPhase[];
