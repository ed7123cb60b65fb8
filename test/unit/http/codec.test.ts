import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { payloadCodecOf } from '../../../src/adapters/temporal/data-converter.js';
import { createHttpWorld, type HttpWorld } from './http-world.js';

const UI = 'http://127.0.0.1:8233';
const json = (value: unknown) => ({
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(value)).toString('base64'),
});
const input = json({ orderId: 'o-1', cardToken: 'tok_visa' });

// The codec endpoint of the Temporal Web UI: Temporal's remote codec protocol, for operators only.
describe('the codec endpoint', () => {
  let world: HttpWorld;
  const post = (operation: 'encode' | 'decode', payloads: unknown[], headers: Record<string, string> = {}) =>
    world.app.inject({
      method: 'POST',
      url: `/codec/${operation}`,
      payload: { payloads },
      headers: { origin: UI, 'x-namespace': 'default', ...headers },
    });

  beforeEach(async () => {
    world = await createHttpWorld({
      codec: {
        codec: payloadCodecOf([{ id: 'k1', secret: new Uint8Array(randomBytes(32)) }]),
        namespace: 'default',
        sessionSecret: 'test-session-secret-0123456789',
        uiOrigins: [UI],
      },
    });
  });

  it('encodes and decodes for a key with ops:payloads, the ciphertext naming its key', async () => {
    const ops = await world.withKey('ops:payloads');
    const encoded = await post('encode', [input], ops);
    expect(encoded.statusCode).toBe(200);
    const [payload] = encoded.json().payloads;
    expect(Buffer.from(payload.metadata['encryption-key-id'], 'base64').toString()).toBe('k1');
    expect(Buffer.from(payload.data, 'base64').toString('latin1')).not.toContain('tok_visa');

    const decoded = await post('decode', [payload], ops);
    expect(decoded.statusCode).toBe(200);
    expect(decoded.json()).toEqual({ payloads: [input] });
  });

  it('takes a body without payloads, as protobuf JSON writes an empty list, for no payloads', async () => {
    const answer = await world.app.inject({
      method: 'POST',
      url: '/codec/encode',
      payload: {},
      headers: await world.withKey('ops:payloads'),
    });

    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ payloads: [] });
  });

  it('answers a call without a credential with a 401 problem the UI may read', async () => {
    const answer = await post('decode', [input]);

    expect(answer.statusCode).toBe(401);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ code: 'AUTH.UNAUTHORIZED' });
    expect(answer.headers['access-control-allow-origin']).toBe(UI);
  });

  it('refuses keys without ops:payloads, and customers', async () => {
    const catalog = await post('decode', [input], await world.withKey('catalog:write'));
    const customer = await post('decode', [input], await world.asCustomer('customer-1'));

    expect([catalog.statusCode, customer.statusCode]).toEqual([403, 403]);
  });

  it("lets the UI's origin, and no other, call it from a page with credentials", async () => {
    const preflight = (origin: string) =>
      world.app.inject({
        method: 'OPTIONS',
        url: '/codec/decode',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const ui = await preflight(UI);
    const other = await preflight('http://evil.example');

    expect(ui.statusCode).toBe(204);
    expect(ui.headers).toMatchObject({
      'access-control-allow-origin': UI,
      'access-control-allow-credentials': 'true',
    });
    expect(String(ui.headers['access-control-allow-headers'])).toContain('x-namespace');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('signs an operator in for the Web UI: the session cookie decodes, a forged one does not', async () => {
    const { 'x-api-key': apiKey } = await world.withKey('ops:payloads');
    const login = await world.app.inject({
      method: 'POST',
      url: '/codec/login',
      payload: new URLSearchParams({ apiKey: apiKey ?? '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const session = cookie.split(';')[0] ?? '';

    expect((await post('decode', [input], { cookie: session })).statusCode).toBe(200);
    const forged = `${session.slice(0, -2)}xx`;
    expect((await post('decode', [input], { cookie: forged })).statusCode).toBe(401);
  });

  it('signs in no key without ops:payloads', async () => {
    const { 'x-api-key': apiKey } = await world.withKey('orders:read-all');
    const login = await world.app.inject({
      method: 'POST',
      url: '/codec/login',
      payload: new URLSearchParams({ apiKey: apiKey ?? '' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect(login.statusCode).toBe(401);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('serves its own namespace only', async () => {
    const answer = await post('decode', [input], {
      ...(await world.withKey('ops:payloads')),
      'x-namespace': 'other',
    });

    expect(answer.statusCode).toBe(400);
  });
});
