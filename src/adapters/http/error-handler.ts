import type { FastifyError, FastifyInstance, FastifyServerOptions } from 'fastify';
import { isApplicationError } from '../../application/application-error.js';
import { DependencyUnavailable, isTransientFault } from '../../application/transient-fault.js';
import { isDomainError } from '../../domain/shared/domain-error.js';
import { ValidationError } from '../../domain/shared/validation-error.js';
import { statusOf } from './error-status.js';
import { sendProblem } from './problem.js';

// Fastify's own refusals of a request, before any route runs, with a fixed sentence each: their
// messages may quote what the client sent.
const REQUEST_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'REQUEST.TOO_LARGE',
    detail: 'The request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the body as application/json',
  },
};

// The router's refusals, before any route runs: a path parameter over maxParamLength (414), a path
// that does not decode (400). Fastify's own answer would echo the URL back.
export const frameworkErrors: FastifyServerOptions['frameworkErrors'] = (error, request, reply) =>
  error.code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? sendProblem(request, reply, 414, {
        code: 'REQUEST.URI_TOO_LONG',
        detail: 'A path parameter is longer than the API reads',
      })
    : sendProblem(request, reply, 400, {
        code: 'REQUEST.MALFORMED',
        detail: 'The request path is malformed',
      });

// The one error handler: every failure leaves as application/problem+json with a stable code.
export function installErrorHandler(app: FastifyInstance): void {
  const routes = routeTable(app);
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion !== '1.1' || request.headers.host !== undefined) return done();
    sendProblem(request, reply, 400, {
      code: 'REQUEST.MALFORMED',
      detail: 'An HTTP/1.1 request needs a Host header',
    });
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation !== undefined) {
      return sendProblem(request, reply, 400, {
        code: 'VALIDATION.INVALID_FIELD',
        detail: error.message,
        field: fieldOf(error),
      });
    }
    if (isDomainError(error) || isApplicationError(error)) {
      return sendProblem(request, reply, statusOf(error.code), {
        code: error.code,
        detail: error.message,
        ...(error instanceof ValidationError ? { field: error.field } : {}),
      });
    }
    if (isTransientFault(error)) {
      request.log.warn({ err: error }, 'dependency fault');
      reply.header('retry-after', '1');
      return sendProblem(request, reply, statusOf(error.code), {
        code: error.code,
        detail:
          error instanceof DependencyUnavailable
            ? `${error.dependency} is unavailable; try again shortly`
            : 'The resource was changed concurrently; try again',
      });
    }
    // @fastify/rate-limit, which has set Retry-After already.
    if (error.statusCode === 429) {
      return sendProblem(request, reply, 429, {
        code: 'RATE.LIMITED',
        detail: 'Too many requests for this credential; try again after Retry-After seconds',
      });
    }
    const known = REQUEST_ERRORS[error.code];
    if (known !== undefined) return sendProblem(request, reply, known.status, known);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, error.statusCode, {
        code: 'REQUEST.MALFORMED',
        detail: 'The request could not be read; send a JSON body that matches the schema',
      });
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, 500, { code: 'INTERNAL', detail: 'Something went wrong on our side' });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = routes.methodsOf(path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(request, reply, 405, {
        code: 'ROUTE.METHOD_NOT_ALLOWED',
        detail: `${path} does not take ${request.method}; it takes ${allowed.join(', ')}`,
      });
    }
    return sendProblem(request, reply, 404, {
      code: 'ROUTE.NOT_FOUND',
      detail: `No route ${request.method} ${path}`,
    });
  });
}

// Every route's path as a pattern with its methods, so that a method a path does not take is told
// apart (405 with Allow) from a path that does not exist (404).
function routeTable(app: FastifyInstance) {
  const table = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  app.addHook('onRoute', (route) => {
    const entry = table.get(route.url) ?? {
      pattern: new RegExp(
        `^${route.url
          .split('/')
          .map((part) =>
            part.startsWith(':')
              ? '[^/]+'
              : part === '*'
                ? '.*'
                : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      ),
      methods: new Set<string>(),
    };
    for (const method of [route.method].flat()) entry.methods.add(method);
    if (entry.methods.has('GET')) entry.methods.add('HEAD');
    table.set(route.url, entry);
  });
  return {
    methodsOf: (path: string): string[] =>
      [
        ...new Set([...table.values()].filter((e) => e.pattern.test(path)).flatMap((e) => [...e.methods])),
      ].sort(),
  };
}

// 'lines[0].quantity' from Ajv's '/lines/0/quantity', naming the missing or unexpected key when the
// error is about one.
function fieldOf(error: FastifyError): string {
  const [first] = error.validation ?? [];
  if (first === undefined) return error.validationContext ?? 'body';
  const path = first.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  const params = first.params as { missingProperty?: string; additionalProperty?: string };
  const key = params.missingProperty ?? params.additionalProperty;
  if (key !== undefined) path.push(key);
  const field = path.reduce(
    (joined, part) =>
      /^\d+$/.test(part) ? `${joined}[${part}]` : joined === '' ? part : `${joined}.${part}`,
    '',
  );
  return field === '' ? (error.validationContext ?? 'body') : field;
}
