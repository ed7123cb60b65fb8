import { ConfigError } from './config.js';
import { mintCustomerToken } from './customer-token.js';

// `npm run token -- <customerId> [expiresIn]`: prints a bearer token for that customer, for curl
// (`-H "authorization: Bearer $(npm run -s token -- alice)"`) or Swagger UI's Authorize.
async function main(): Promise<void> {
  const [customerId, expiresIn = '12h'] = process.argv.slice(2);
  if (customerId === undefined || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(customerId)) {
    console.error('usage: npm run token -- <customerId> [expiresIn, e.g. 12h]');
    process.exit(2);
  }
  console.log(await mintCustomerToken(customerId, undefined, expiresIn));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
