import type { GatewayError } from '../wire.js';

// An answer a real gateway gives on purpose (declined card, wrong state, too much money): it is a
// result to remember under the idempotency key, unlike a simulated outage.
export class GatewayRefusal extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly declineCode: string | undefined;

  constructor(statusCode: number, code: string, message: string, details: { declineCode?: string } = {}) {
    super(message);
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.code = code;
    this.declineCode = details.declineCode;
  }

  toBody(): GatewayError {
    const error = { code: this.code, message: this.message };
    return { error: this.declineCode === undefined ? error : { ...error, declineCode: this.declineCode } };
  }
}

export function errorBody(code: string, message: string): GatewayError {
  return { error: { code, message } };
}
