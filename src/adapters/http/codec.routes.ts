import type { Payload, PayloadCodec } from '@temporalio/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKeys } from '../../application/api-keys.js';
import { hasScope } from '../../application/caller.js';
import { cookieValue, SESSION_COOKIE, SESSION_SECONDS, signSession, verifySession } from './codec-session.js';
import { sendProblem } from './problem.js';

export interface CodecOptions {
  readonly codec: PayloadCodec;
  readonly namespace: string;
  // Signs the sessions of the Web UI (codec-session.ts).
  readonly sessionSecret: string;
  // The Temporal Web UI's origins: the only pages whose scripts may call the endpoint (CORS).
  readonly uiOrigins: readonly string[];
  readonly apiKeys: ApiKeys;
}

interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

const HIDDEN = { hide: true } as const;
// A history's payloads may be large (Temporal accepts up to 2 MB each); the API's 32 KiB is for orders.
const BODY_LIMIT = 4 * 1024 * 1024;

// Temporal's remote codec protocol (POST …/encode and …/decode, {payloads: [...]} in protobuf JSON), so
// that the Web UI and `temporal` CLI show operators what the sagas carry. Decoded payloads hold card
// tokens: only a key with ops:payloads, or a Web UI session signed in with one (GET /codec/login), gets
// them. Not part of the OpenAPI document: it is Temporal's protocol, not the service's.
export function codecRoutes(options: CodecOptions) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.addHook('onRequest', async (request, reply) => {
      const origin = request.headers.origin;
      if (origin === undefined || !options.uiOrigins.includes(origin)) return;
      reply.header('access-control-allow-origin', origin);
      reply.header('access-control-allow-credentials', 'true');
      reply.header('vary', 'Origin');
    });

    for (const operation of ['encode', 'decode'] as const) {
      const url = `/codec/${operation}`;
      app.options(url, { schema: HIDDEN }, async (_request, reply) =>
        reply
          .code(204)
          .header('access-control-allow-methods', 'POST')
          .header('access-control-allow-headers', 'content-type, x-namespace, x-api-key')
          .header('access-control-max-age', '600')
          .send(),
      );
      app.post<{ Body: { payloads?: JsonPayload[] } }>(
        url,
        { schema: HIDDEN, bodyLimit: BODY_LIMIT },
        async (request, reply) => {
          if (!(await mayDecode(request, reply, options))) return reply;
          const namespace = request.headers['x-namespace'];
          if (typeof namespace === 'string' && namespace !== options.namespace) {
            return sendProblem(request, reply, 400, {
              code: 'REQUEST.MALFORMED',
              detail: `This codec serves the namespace ${options.namespace}, not ${namespace}`,
            });
          }
          // Protobuf JSON leaves an empty list out: `{}` is no payloads (the CLI's query without arguments).
          const payloads = request.body?.payloads ?? [];
          if (!Array.isArray(payloads)) {
            return sendProblem(request, reply, 400, {
              code: 'REQUEST.MALFORMED',
              detail: 'The body must be {"payloads": [...]}, Temporal Payloads in protobuf JSON',
            });
          }
          try {
            const result = await options.codec[operation](payloads.map(fromJson));
            return reply.type('application/json').send({ payloads: result.map(toJson) });
          } catch (error) {
            return sendProblem(request, reply, 400, {
              code: 'REQUEST.MALFORMED',
              detail: error instanceof Error ? error.message : 'The payloads could not be decoded',
            });
          }
        },
      );
    }

    app.get('/codec/login', { schema: HIDDEN }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(LOGIN_PAGE),
    );
    app.post<{ Body: { apiKey?: string } }>('/codec/login', { schema: HIDDEN }, async (request, reply) => {
      const secret = request.body?.apiKey ?? '';
      const caller = secret === '' ? null : await options.apiKeys.callerOf(secret);
      if (caller === null || caller.kind !== 'key' || !hasScope(caller, 'ops:payloads')) {
        return sendProblem(request, reply, 401, {
          code: 'AUTH.UNAUTHORIZED',
          detail: 'Sign in with a live API key that has the scope ops:payloads',
        });
      }
      const secure = request.protocol === 'https' ? '; Secure' : '';
      const session = signSession(options.sessionSecret, caller.keyId, new Date());
      reply.header(
        'set-cookie',
        `${SESSION_COOKIE}=${session}; Path=/codec; Max-Age=${SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      );
      return reply.type('text/html; charset=utf-8').send(SIGNED_IN_PAGE);
    });
  };
}

// A key with ops:payloads in the request's headers, or a session cookie of one; else a 401 or 403.
async function mayDecode(
  request: FastifyRequest,
  reply: FastifyReply,
  options: CodecOptions,
): Promise<boolean> {
  const caller = request.caller;
  if (caller !== null) {
    if (hasScope(caller, 'ops:payloads')) return true;
    sendProblem(request, reply, 403, {
      code: 'AUTH.FORBIDDEN',
      detail: 'Decoded payloads hold card tokens: this needs a key with the scope ops:payloads',
    });
    return false;
  }
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (cookie !== undefined && verifySession(options.sessionSecret, cookie, new Date()) !== null) return true;
  reply.header('www-authenticate', 'Bearer realm="order-saga"');
  sendProblem(request, reply, 401, {
    code: 'AUTH.UNAUTHORIZED',
    detail: 'Send a key with ops:payloads (x-api-key), or sign in at /codec/login for the Temporal Web UI',
  });
  return false;
}

function fromJson(payload: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value, 'base64')]),
    ),
    data: Buffer.from(payload.data ?? '', 'base64'),
  };
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([key, value]) => [
        key,
        Buffer.from(value).toString('base64'),
      ]),
    ),
    data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64'),
  };
}

const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>order-saga: decode payloads</title></head>
<body>
<h1>See decoded saga payloads in the Temporal Web UI</h1>
<p>Sign in with an API key that has the scope <code>ops:payloads</code>. The Web UI's codec settings need
"Include cross-origin credentials" on; the session lasts ${SESSION_SECONDS / 60} minutes.</p>
<form method="post" action="/codec/login">
<label>API key <input name="apiKey" type="password" autocomplete="off" required></label>
<button type="submit">Sign in</button>
</form>
</body></html>
`;

const SIGNED_IN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>order-saga: signed in</title></head>
<body><p id="signed-in">Signed in: the Temporal Web UI of this browser now shows decoded payloads.</p></body></html>
`;
