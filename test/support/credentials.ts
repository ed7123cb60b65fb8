import type { Config } from '../../src/bootstrap/config.js';
import { mintCustomerToken } from '../../src/bootstrap/customer-token.js';

// The headers of a request by this customer, to an API started with `config` (its ADMIN_API_KEY or
// CUSTOMER_TOKEN_SECRET): the tests', the bench's and the tools' one way to act as a customer.
export async function asCustomer(customerId: string, config: Config): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mintCustomerToken(customerId, config)}` };
}

// The headers of a request with an API key.
export function withApiKey(secret: string): Record<string, string> {
  return { 'x-api-key': secret };
}
