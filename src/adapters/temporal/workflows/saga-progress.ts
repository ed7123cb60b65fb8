// How an order's saga is named and what it ends with. Plain data; imports nothing at run time, so
// workflow code may import it. Its progress is application/sagas/saga-progress.ts.

export type SagaResult =
  // CONFIRMED: a saga of the build before fulfilment, which ended there.
  | { readonly status: 'CONFIRMED' | 'DELIVERED'; readonly orderId: string }
  | {
      readonly status: 'CANCELLED';
      readonly orderId: string;
      readonly code: string;
      readonly reason: string;
      readonly failedStep: string | null;
    };

export function sagaIdOf(orderId: string): string {
  return `order-${orderId}`;
}

// The order a saga id names; null for a workflow id that is not an order saga's.
export function orderIdOf(workflowId: string): string | null {
  return workflowId.startsWith('order-') ? workflowId.slice('order-'.length) : null;
}
