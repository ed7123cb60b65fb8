import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireAdminApiKey } from '../../../src/bootstrap/config.js';

describe('ADMIN_API_KEY', () => {
  it('is optional for processes that do not serve the catalogue', () => {
    expect(loadConfig({}).adminApiKey).toBeNull();
  });

  it('stops the API with a message naming it when missing', () => {
    expect(() => requireAdminApiKey(loadConfig({}))).toThrow(/ADMIN_API_KEY is required/);
  });

  it.each([
    ['too short', 'short-key'],
    ['with a space', 'a key with spaces inside it'],
  ])('is refused %s, naming the setting', (_case, value) => {
    expect(() => loadConfig({ ADMIN_API_KEY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ADMIN_API_KEY: value })).toThrow(
      /ADMIN_API_KEY must be at least 16 characters/,
    );
  });

  it('is handed to the API when well-formed', () => {
    expect(requireAdminApiKey(loadConfig({ ADMIN_API_KEY: 'a-long-enough-admin-key' }))).toBe(
      'a-long-enough-admin-key',
    );
  });
});
