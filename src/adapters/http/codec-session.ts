import { createHmac, timingSafeEqual } from 'node:crypto';

// The Temporal Web UI cannot send an API key to a codec endpoint, but it can send cookies
// (`credentials: 'include'`). An operator signs in once with a key that has `ops:payloads`, and gets a
// short-lived session, signed by the API: no server state, and the key itself never sits in the browser.
// A revoked key's sessions end when they expire, within SESSION_SECONDS.
export const SESSION_COOKIE = 'order_saga_codec';
export const SESSION_SECONDS = 3600;

interface Session {
  readonly keyId: string;
  readonly expiresAt: number;
}

export function signSession(secret: string, keyId: string, now: Date): string {
  const body = Buffer.from(
    JSON.stringify({ keyId, expiresAt: Math.floor(now.getTime() / 1000) + SESSION_SECONDS }),
  ).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

// The key id of a session cookie that we signed and that has not expired; null otherwise.
export function verifySession(secret: string, cookie: string, now: Date): string | null {
  const [body, signature] = cookie.split('.');
  if (body === undefined || signature === undefined) return null;
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const session = JSON.parse(Buffer.from(body, 'base64url').toString()) as Session;
  return session.expiresAt > now.getTime() / 1000 ? session.keyId : null;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`codec-session/${body}`).digest('base64url');
}
