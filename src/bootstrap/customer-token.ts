import { signCustomerToken } from '../adapters/jwt/jose-customer-tokens.js';
import { type Config, ConfigError, customerTokenSettingsOf, loadConfig } from './config.js';

// The one way to mint a customer's token with the local secret, for `npm run token`, `npm start`,
// the tests and the bench: the API verifies it when started with the same settings (CUSTOMER_TOKEN_SECRET,
// or else ADMIN_API_KEY, from which the secret is derived).
export function mintCustomerToken(
  customerId: string,
  config: Config = loadConfig(),
  expiresIn = '12h',
): Promise<string> {
  const settings = customerTokenSettingsOf(config);
  if (!('secret' in settings.keys)) {
    throw new ConfigError([
      'CUSTOMER_JWKS_URL is set: customers get their tokens from the identity provider, not from here',
    ]);
  }
  return signCustomerToken({ ...settings, keys: settings.keys }, customerId, expiresIn);
}
