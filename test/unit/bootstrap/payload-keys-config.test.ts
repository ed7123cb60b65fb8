import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_PAYLOAD_KEY_ID, loadConfig } from '../../../src/bootstrap/config.js';

const base64Key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

describe('the payload keys setting', () => {
  it('defaults to the public development key, so that a dev run needs no setup', () => {
    expect(loadConfig({}).payloadKeys.map((key) => key.id)).toEqual([DEV_PAYLOAD_KEY_ID]);
  });

  it('reads id:key pairs in order, the first being the one that encrypts', () => {
    const config = loadConfig({ TEMPORAL_PAYLOAD_KEYS: `new:${base64Key(1)}, old:${base64Key(2)}` });

    expect(config.payloadKeys.map((key) => key.id)).toEqual(['new', 'old']);
    expect(Buffer.from(config.payloadKeys[0]?.secret ?? []).equals(Buffer.alloc(32, 1))).toBe(true);
  });

  it.each([
    ['a key that is not 32 bytes', `k1:${Buffer.alloc(16).toString('base64')}`],
    ['a pair without an id', base64Key(1)],
    ['the same id twice', `k1:${base64Key(1)},k1:${base64Key(2)}`],
  ])('refuses %s', (_case, value) => {
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: value })).toThrow(ConfigError);
  });

  it('refuses the public key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/TEMPORAL_PAYLOAD_KEYS: the public key/);
  });
});
