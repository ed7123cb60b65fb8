import { Type } from '@sinclair/typebox';
import { ref } from './ref.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// RFC 9457 problem details, with the stable code a client can switch on.
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
    requestId: Type.String({ description: 'Quote it when reporting the problem.' }),
    field: Type.Optional(
      Type.String({ description: 'For invalid input: the field at fault.', examples: ['lines[0].quantity'] }),
    ),
  },
  { $id: 'Problem', additionalProperties: false, description: 'What went wrong (RFC 9457).' },
);

const WHEN: Record<number, string> = {
  400: 'Invalid input: `field` names the field at fault (code VALIDATION.*).',
  401: 'No credential, or one that does not verify (AUTH.UNAUTHORIZED); nothing was changed.',
  403: 'The credential does not allow this (AUTH.FORBIDDEN): a customer acting for another, a key without the scope.',
  404: "No such order or product (ORDER.NOT_FOUND, PRODUCT.NOT_FOUND); another customer's order is not found either.",
  409: 'Refused in the current state (ORDER.NOT_CANCELLABLE, IDEMPOTENCY.KEY_REUSED, SAGA.NOT_STUCK).',
  413: 'The body is larger than the API accepts (REQUEST.TOO_LARGE).',
  422: 'Well-formed but not acceptable (VALIDATION.CURRENCY_MISMATCH).',
  429: 'Too many requests for this credential (RATE.LIMITED); retry after Retry-After seconds.',
  503: 'A database, Temporal or the card gateway is down (TRANSIENT.*); retry after Retry-After.',
};

// The error answers a route documents, each as application/problem+json.
export function problemResponses<const S extends number>(...statuses: readonly S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: WHEN[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ref(ProblemSchema) } },
      },
    ]),
  ) as Record<
    S,
    {
      description: string;
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ReturnType<typeof ref<typeof ProblemSchema>> } };
    }
  >;
}
