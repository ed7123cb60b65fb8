import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoseCustomerTokens } from '../../../src/adapters/jwt/jose-customer-tokens.js';
import { isTransientFault } from '../../../src/application/transient-fault.js';

const CLAIMS = { issuer: 'https://id.example', audience: 'order-saga-api' };

// Production's path: tokens signed by an identity provider, verified against its JWKS.
describe('JoseCustomerTokens with a JWKS URL', () => {
  let server: Server;
  let jwksUrl: string;
  let sign: (claims: { sub: string; iss?: string; aud?: string; exp?: string }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    sign = (claims) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setSubject(claims.sub)
        .setIssuer(claims.iss ?? CLAIMS.issuer)
        .setAudience(claims.aud ?? CLAIMS.audience)
        .setExpirationTime(claims.exp ?? '5m')
        .sign(privateKey);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives the subject of a token the provider signed', async () => {
    const tokens = new JoseCustomerTokens({ ...CLAIMS, keys: { jwksUrl } });
    expect(await tokens.subjectOf(await sign({ sub: 'customer-42' }))).toBe('customer-42');
  });

  it.each([
    ['another issuer', { sub: 'customer-42', iss: 'https://evil.example' }],
    ['another audience', { sub: 'customer-42', aud: 'another-api' }],
    ['an expired token', { sub: 'customer-42', exp: '-1m' }],
    ['a subject that is no customer id', { sub: 'a.b$where' }],
  ])('refuses %s', async (_case, claims) => {
    const tokens = new JoseCustomerTokens({ ...CLAIMS, keys: { jwksUrl } });
    expect(await tokens.subjectOf(await sign(claims))).toBeNull();
  });

  it('refuses an HS256 token, whatever its secret', async () => {
    const tokens = new JoseCustomerTokens({ ...CLAIMS, keys: { jwksUrl } });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('customer-42')
      .setIssuer(CLAIMS.issuer)
      .setAudience(CLAIMS.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessed'));
    expect(await tokens.subjectOf(forged)).toBeNull();
  });

  it('reports an unreachable provider as a transient fault, not as a bad token', async () => {
    const tokens = new JoseCustomerTokens({ ...CLAIMS, keys: { jwksUrl: 'http://127.0.0.1:1/jwks.json' } });
    const error = await tokens.subjectOf(await sign({ sub: 'customer-42' })).catch((e: unknown) => e);
    expect(isTransientFault(error)).toBe(true);
  });
});
