import type { ProblemCode } from './problem.schema.js';

// Answers every route may give, whatever it does: a credential that does not verify (even on a public
// route), the rate limit, a dependency down.
export const CREDENTIAL_REFUSED = { 401: ['AUTH.UNAUTHORIZED'] } as const;
export const GUARDED = { 401: ['AUTH.UNAUTHORIZED'], 403: ['AUTH.FORBIDDEN'] } as const;
export const LIMITED = { 429: ['RATE.LIMITED'] } as const;
export const READ_UNAVAILABLE = { 503: ['TRANSIENT.DEPENDENCY_UNAVAILABLE'] } as const;
export const WRITE_UNAVAILABLE = {
  503: ['TRANSIENT.DEPENDENCY_UNAVAILABLE', 'TRANSIENT.CONCURRENT_MODIFICATION'],
} as const;

// An HTTP/1.1 request without Host, refused on whatever route it names.
export const NO_HOST = { 400: ['REQUEST.MALFORMED'] } as const;

// A path parameter: invalid (400), over the router's limit (414), or not decodable (400).
export const PATH_PARAMETER = { 414: ['REQUEST.URI_TOO_LONG'] } as const;
export const INVALID_PATH: readonly ProblemCode[] = ['VALIDATION.INVALID_FIELD', 'REQUEST.MALFORMED'];

// A route that reads a body: too large, another media type.
export const BODY = { 413: ['REQUEST.TOO_LARGE'], 415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE'] } as const;
