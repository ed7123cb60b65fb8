import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import type { CustomerTokens } from '../../application/ports/customer-tokens.js';
import { DependencyUnavailable } from '../../application/transient-fault.js';

export interface CustomerTokenSettings {
  readonly issuer: string;
  readonly audience: string;
  // Production: the identity provider's keys. Development and tests: a shared secret (HS256).
  readonly keys: { readonly jwksUrl: string } | { readonly secret: string };
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
// Asymmetric algorithms from a JWKS, HS256 for the local secret; never `none`.
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

// Customers' tokens verified with jose. The subject must have the shape of a customer id, so a
// token can never carry a customer id the API would refuse in a body.
export class JoseCustomerTokens implements CustomerTokens {
  private readonly settings: CustomerTokenSettings;
  private readonly key: JWTVerifyGetKey | Uint8Array;

  constructor(settings: CustomerTokenSettings) {
    this.settings = settings;
    this.key =
      'jwksUrl' in settings.keys
        ? createRemoteJWKSet(new URL(settings.keys.jwksUrl))
        : new TextEncoder().encode(settings.keys.secret);
  }

  async subjectOf(token: string): Promise<string | null> {
    try {
      const options = {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: 'jwksUrl' in this.settings.keys ? JWKS_ALGORITHMS : ['HS256'],
        requiredClaims: ['sub', 'exp'],
      };
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, options)
          : await jwtVerify(token, this.key, options);
      return typeof payload.sub === 'string' && ID.test(payload.sub) ? payload.sub : null;
    } catch (error) {
      // The identity provider's keys could not be fetched: not the caller's fault.
      if (error instanceof errors.JWKSTimeout || isFetchFailure(error)) {
        throw new DependencyUnavailable('the identity provider', { cause: error });
      }
      return null;
    }
  }
}

// Mints a customer's token with the local secret: `npm run token`, `npm start`, tests and the bench.
export function signCustomerToken(
  settings: CustomerTokenSettings & { readonly keys: { readonly secret: string } },
  customerId: string,
  expiresIn = '12h',
): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(customerId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(settings.keys.secret));
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
