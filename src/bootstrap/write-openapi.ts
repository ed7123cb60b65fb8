import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { openApiYaml } from './openapi-document.js';

// `npm run openapi:generate`: writes openapi.yaml at the repository's root from the route schemas.
// Then `npm run sdk:generate` regenerates the SDK's types from it.
const target = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

await writeFile(target, await openApiYaml());
console.log(`wrote ${target}`);
