import type { FastifyRequest } from 'fastify';
import type { Caller } from '../../application/caller.js';

// The OpenAPI security schemes, named as the document names them.
export const CUSTOMER = { customerToken: [] };
export const API_KEY = { apiKey: [] };

// The caller of a route behind allow(): set, or the guard would have answered 401.
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new Error('a guarded route ran without a caller');
  return request.caller;
}
