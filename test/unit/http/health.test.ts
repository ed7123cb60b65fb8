import { describe, expect, it } from 'vitest';
import { createHttpWorld } from './http-world.js';

const up = (name: string) => ({ name, check: async () => undefined });
const down = (name: string) => ({
  name,
  check: async () => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:54329 password=secret');
  },
});

describe('health', () => {
  it('is live', async () => {
    const world = await createHttpWorld();
    const response = await world.app.inject({ url: '/health/live' });
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('is ready when every dependency answers', async () => {
    const world = await createHttpWorld({ dependencies: [up('postgres'), up('mongodb'), up('temporal')] });
    const response = await world.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      checks: [
        { name: 'postgres', status: 'up' },
        { name: 'mongodb', status: 'up' },
        { name: 'temporal', status: 'up' },
      ],
    });
  });

  it('answers 503 naming what is down, without its internal error', async () => {
    const world = await createHttpWorld({ dependencies: [up('postgres'), down('mongodb'), up('temporal')] });
    const response = await world.app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'unavailable',
      checks: [{}, { name: 'mongodb', status: 'down' }, {}],
    });
    expect(response.body).not.toMatch(/ECONNREFUSED|secret/);
  });
});
