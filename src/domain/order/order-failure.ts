import { requireText } from '../shared/require.js';

// Why an order did not go through: the code of the refusal or fault (e.g. STOCK.INSUFFICIENT) and a
// sentence for people.
export interface OrderFailure {
  readonly code: string;
  readonly reason: string;
}

// The code of an order cancelled at its customer's request while its saga was in flight. The saga's
// workflow writes the same literal (workflow code imports nothing at run time: saga-progress.ts).
export const CANCELLED_ON_REQUEST = 'ORDER.CANCELLED_ON_REQUEST';

export function checkFailure(failure: OrderFailure): OrderFailure {
  return {
    code: requireText(failure.code, 'failure.code', 100),
    reason: requireText(failure.reason, 'failure.reason', 1000),
  };
}
