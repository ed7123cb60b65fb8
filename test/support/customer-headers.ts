import { loadConfig } from '../../src/bootstrap/config.js';
import { mintCustomerToken } from '../../src/bootstrap/customer-token.js';

// A customer's headers for an API that a harness (bench, chaos run) started with `adminApiKey` and no
// CUSTOMER_TOKEN_SECRET, whose customer tokens are then signed with a secret derived from that key.
export async function customerHeaders(
  customerId: string,
  adminApiKey: string,
): Promise<Record<string, string>> {
  const config = { ...loadConfig(), adminApiKey, customerTokenSecret: null };
  return { authorization: `Bearer ${await mintCustomerToken(customerId, config, '24h')}` };
}
