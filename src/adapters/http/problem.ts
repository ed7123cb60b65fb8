import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './schemas/problem.schema.js';

export interface ProblemDetails {
  readonly code: string;
  readonly detail: string;
  readonly field?: string;
}

// Sends RFC 9457 problem details. Only what is given here reaches the client: never a stack or an
// internal message.
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  problem: ProblemDetails,
): FastifyReply {
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      code: problem.code,
      detail: problem.detail,
      instance: request.url.split('?')[0] ?? request.url,
      requestId: request.id,
      ...(problem.field === undefined ? {} : { field: problem.field }),
    });
}
