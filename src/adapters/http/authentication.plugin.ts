import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { ApiKeys } from '../../application/api-keys.js';
import type { Caller, Scope } from '../../application/caller.js';
import type { CustomerTokens } from '../../application/ports/customer-tokens.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    // Who sent the request: null when it carried no credential.
    caller: Caller | null;
  }
}

export const API_KEY_HEADER = 'x-api-key';
// The header catalogue writes used before scoped keys; still read, for the same keys.
export const LEGACY_ADMIN_KEY_HEADER = 'x-admin-key';

export interface AuthenticationOptions {
  readonly customerTokens: CustomerTokens;
  readonly apiKeys: ApiKeys;
}

// Reads the credential of every request before its body: a bearer token (a customer) or an API key
// (staff, services). A credential that does not verify is a 401 at once; none at all leaves the
// caller null, for each route's guard to decide.
export const authenticationPlugin = fp<AuthenticationOptions>(
  async (app, options) => {
    app.decorateRequest('caller', null);
    app.addHook('onRequest', async (request, reply) => {
      const authorization = request.headers.authorization;
      const key = header(request, API_KEY_HEADER) ?? header(request, LEGACY_ADMIN_KEY_HEADER);
      if (authorization === undefined && key === undefined) return;
      if (authorization !== undefined && key !== undefined) {
        return unauthorized(request, reply, 'Send one credential: a bearer token or an API key, not both');
      }
      if (key !== undefined) {
        request.caller = await options.apiKeys.callerOf(key);
        if (request.caller === null) return unauthorized(request, reply, 'The API key is unknown or revoked');
        return;
      }
      const token = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization ?? '')?.[1];
      const customerId = token === undefined ? null : await options.customerTokens.subjectOf(token);
      if (customerId === null) {
        return unauthorized(request, reply, 'The bearer token is malformed, expired or not signed by us');
      }
      request.caller = { kind: 'customer', customerId };
    });
  },
  { name: 'order-saga-authentication', fastify: '5.x' },
);

export interface Policy {
  // Customers may call the route (on their own orders: the use-case checks whose they are).
  readonly customers?: boolean;
  // Keys with any of these scopes may call it.
  readonly scopes?: readonly Scope[];
}

// Who may call a route: 401 without a credential, 403 with one the route does not take.
export function allow(policy: Policy): onRequestHookHandler {
  return (request, reply, done) => {
    const caller = request.caller;
    if (caller === null) {
      unauthorized(request, reply, 'This route needs a bearer token or an API key');
      return;
    }
    const allowed =
      caller.kind === 'customer'
        ? policy.customers === true
        : (policy.scopes ?? []).some((scope) => caller.scopes.includes(scope));
    if (allowed) {
      done();
      return;
    }
    const scopes = policy.scopes ?? [];
    sendProblem(request, reply, 403, {
      code: 'AUTH.FORBIDDEN',
      detail:
        caller.kind === 'customer'
          ? 'Customers cannot call this route'
          : scopes.length === 0
            ? "This route is for customers, with a customer's bearer token"
            : `This route needs a key with the scope ${scopes.join(' or ')}`,
    });
  };
}

function unauthorized(request: FastifyRequest, reply: FastifyReply, detail: string): FastifyReply {
  reply.header('www-authenticate', 'Bearer realm="order-saga"');
  return sendProblem(request, reply, 401, { code: 'AUTH.UNAUTHORIZED', detail });
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
