import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_KEY, createHttpWorld, type HttpWorld } from './http-world.js';

const admin = { 'x-api-key': ADMIN_KEY };
const keyboard = { name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' } };

// What the client sees on the wire, for requests Node's parser refuses before Fastify has a request.
async function rawExchange(world: HttpWorld, request: string): Promise<string> {
  const address = await world.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = new URL(address);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

describe('requests refused before a route runs', () => {
  let world: HttpWorld;
  afterEach(async () => world?.app.close());

  it('answers a method a path does not take with 405, Allow and a problem', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({ method: 'DELETE', url: '/products/kb-ergo' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD, PUT');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'ROUTE.METHOD_NOT_ALLOWED' });
  });

  it('still answers a path that does not exist with 404', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({ method: 'DELETE', url: '/products/kb-ergo/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'ROUTE.NOT_FOUND' });
  });

  it('answers a path parameter over the router limit with 414 and a problem that does not echo it', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({ url: `/products/${'k'.repeat(201)}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toMatchObject({ code: 'REQUEST.URI_TOO_LONG' });
    expect(response.json().detail).not.toContain('kkkk');
  });

  it('answers a text/plain body with 415', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      headers: { ...admin, 'content-type': 'text/plain' },
      payload: JSON.stringify(keyboard),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers a body over the limit on PUT /products with 413', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...keyboard, name: 'x'.repeat(64 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'REQUEST.TOO_LARGE' });
  });

  it('refuses a currency that ISO 4217 does not list, three capitals or not', async () => {
    world = await createHttpWorld();
    const response = await world.app.inject({
      method: 'PUT',
      url: '/products/kb-ergo',
      headers: admin,
      payload: { ...keyboard, unitPrice: { amount: 1, currency: 'QQQ' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION.INVALID_MONEY', field: 'currency' });
  });

  it('answers headers too large for Node with 431 as a problem', async () => {
    world = await createHttpWorld();
    const answer = await rawExchange(
      world,
      `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
    expect(bodyOf(answer)).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE' });
  });

  it('answers a NUL in a header with 400 as a problem', async () => {
    world = await createHttpWorld();
    const answer = await rawExchange(
      world,
      'GET /health/live HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
  });

  it('answers an HTTP/1.1 request without Host with 400 as a problem, not bare', async () => {
    world = await createHttpWorld();
    const answer = await rawExchange(world, 'GET /health/live HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(bodyOf(answer)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
  });

  it('answers an Expect other than 100-continue with 417 as a problem', async () => {
    world = await createHttpWorld();
    const answer = await rawExchange(world, 'GET /health/live HTTP/1.1\r\nHost: x\r\nExpect: later\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 417 /);
    expect(answer).toMatch(/content-type: application\/problem\+json/i);
  });
});
