import { Type } from '@sinclair/typebox';
import type { ErrorCode } from '../../../application/error-code.js';
import { ref } from './ref.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// Codes the HTTP adapter itself answers with, before or around a use-case: the request could not be
// read, routed or let in.
export const HTTP_ERROR_CODES = [
  'REQUEST.MALFORMED',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.URI_TOO_LONG',
  'REQUEST.HEADERS_TOO_LARGE',
  'REQUEST.TIMEOUT',
  'ROUTE.NOT_FOUND',
  'ROUTE.METHOD_NOT_ALLOWED',
  'AUTH.UNAUTHORIZED',
  'RATE.LIMITED',
  'INTERNAL',
] as const;

export type ProblemCode = ErrorCode | (typeof HTTP_ERROR_CODES)[number];

// RFC 9457 problem details, with the stable code a client can switch on. Each operation narrows
// `status` and `code` to what it can answer (problemResponses below).
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem.', examples: ['about:blank'] }),
    title: Type.String({ examples: ['Conflict'] }),
    status: Type.Integer({ examples: [409] }),
    code: Type.String({
      description: 'Stable machine-readable code, e.g. ORDER.NOT_CANCELLABLE or VALIDATION.INVALID_FIELD.',
      examples: ['ORDER.NOT_CANCELLABLE'],
    }),
    detail: Type.String({ examples: ['Order 42 is CONFIRMED and can no longer be cancelled'] }),
    instance: Type.String({ description: 'The path of the request.', examples: ['/orders/42/cancel'] }),
    requestId: Type.String({ description: 'Quote it when reporting the problem.', examples: ['req-1'] }),
    field: Type.Optional(
      Type.String({ description: 'For invalid input: the field at fault.', examples: ['lines[0].quantity'] }),
    ),
  },
  { $id: 'Problem', additionalProperties: false, description: 'What went wrong (RFC 9457).' },
);

const WHEN = {
  400: 'Invalid input: `field` names the field at fault.',
  401: 'No credential where one is needed, or one that does not verify; nothing was changed.',
  403: 'The credential does not allow this: a customer acting for another, a key without the scope.',
  404: "No such resource; another customer's order is not found either.",
  409: 'Refused in the current state.',
  413: 'The body is larger than the API accepts.',
  414: 'A path parameter is longer than the API reads.',
  415: 'The body is not application/json.',
  422: 'Well-formed but not acceptable.',
  429: 'Too many requests for this credential; retry after Retry-After seconds.',
  503: 'A database, Temporal or the card gateway is down; retry after Retry-After seconds.',
} as const;

export type ErrorStatus = keyof typeof WHEN;

const RetryAfter = {
  'Retry-After': {
    type: 'integer',
    minimum: 0,
    description: 'Seconds to wait before sending the request again.',
  },
};

// The error answers of one operation, each as application/problem+json whose `status` and `code` are
// narrowed to what the operation can answer, so that a generated client can switch on them.
export function problemResponses(codes: Partial<Record<ErrorStatus, readonly ProblemCode[]>>) {
  const entries = Object.entries(codes).map(([key, list = []]) => {
    const status = Number(key) as ErrorStatus;
    const narrowed = {
      type: 'object',
      required: ['status', 'code'],
      properties: {
        status: { type: 'integer', enum: [status] },
        code: { type: 'string', enum: [...list] },
      },
    };
    return [
      status,
      {
        description: `${WHEN[status]} Codes: ${list.join(', ')}.`,
        ...(status === 429 || status === 503 ? { headers: RetryAfter } : {}),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { allOf: [ref(ProblemSchema), narrowed] },
            example: exampleOf(status, list[0] ?? 'INTERNAL'),
          },
        },
      },
    ] as const;
  });
  return Object.fromEntries(entries) as Record<number, unknown>;
}

function exampleOf(status: ErrorStatus, code: ProblemCode) {
  return {
    type: 'about:blank',
    title: TITLES[status],
    status,
    code,
    detail: DETAILS[code] ?? WHEN[status],
    instance: '/orders',
    requestId: 'req-1',
  };
}

const TITLES: Record<ErrorStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

const DETAILS: Partial<Record<ProblemCode, string>> = {
  'VALIDATION.INVALID_FIELD': 'body/lines/0/quantity must be >= 1',
  'AUTH.UNAUTHORIZED': 'This route needs a bearer token or an API key',
  'ORDER.NOT_FOUND': 'Order c0ffee00-0000-4000-8000-000000000001 not found',
  'PRODUCT.NOT_FOUND': 'Product kb-ergo not found',
};
