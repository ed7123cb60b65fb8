import { requireText } from '../shared/require.js';

// Why an order did not go through: the code of the refusal or fault (e.g. STOCK.INSUFFICIENT) and a
// sentence for people.
export interface OrderFailure {
  readonly code: string;
  readonly reason: string;
}

export function checkFailure(failure: OrderFailure): OrderFailure {
  return {
    code: requireText(failure.code, 'failure.code', 100),
    reason: requireText(failure.reason, 'failure.reason', 1000),
  };
}
