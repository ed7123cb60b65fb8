import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DependencyUnavailable } from '../../application/transient-fault.js';
import { PaymentRejected } from '../../domain/payment/payment-errors.js';
import { GatewayError } from './wire.js';

export interface GatewayAnswer {
  readonly status: number;
  readonly body: unknown;
}

export const GATEWAY = 'payment gateway';

export function gatewayUnavailable(
  operation: string,
  detail: string,
  cause?: unknown,
): DependencyUnavailable {
  return new DependencyUnavailable(GATEWAY, { cause: new Error(`${operation}: ${detail}`, { cause }) });
}

// What an answer means for the caller. A refusal (4xx) will not change on retry, so it is a
// PaymentRejected; an outage (5xx, 408, 429) might, and the idempotency key makes the retry safe, so
// it is a TransientFault. A success whose body we cannot read is treated as an outage for the same
// reason: the retry with the same key returns the same answer, hopefully readable this time.
export function expectSuccess<T extends TSchema>(operation: string, answer: GatewayAnswer, schema: T) {
  if (answer.status >= 200 && answer.status < 300) {
    if (Value.Check(schema, answer.body)) return answer.body;
    throw gatewayUnavailable(operation, `unreadable ${answer.status} answer`);
  }
  if (isRefusal(answer.status)) throw new PaymentRejected(operation, describe(answer));
  throw gatewayUnavailable(operation, `answered ${describe(answer)}`);
}

export function declineReason(answer: GatewayAnswer): string {
  if (!Value.Check(GatewayError, answer.body)) return 'declined';
  return answer.body.error.declineCode ?? answer.body.error.code;
}

function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function describe(answer: GatewayAnswer): string {
  if (!Value.Check(GatewayError, answer.body)) return `HTTP ${answer.status}`;
  return `${answer.body.error.message} (HTTP ${answer.status}, ${answer.body.error.code})`;
}
