import { buildApp } from '../adapters/http/app.js';
import { createApiUseCases } from '../application/api-use-cases.js';
import { memoryPorts } from './memory-ports.js';

// The OpenAPI document depends on the routes only, so an app over memory adapters serves the very
// document the real service serves.
export async function openApiYaml(): Promise<string> {
  const app = await buildApp({
    logger: false,
    useCases: createApiUseCases(memoryPorts(), {
      cursorKey: 'not-used-to-write-the-document',
      adminApiKey: null,
    }),
    dependencies: [],
    customerTokens: { subjectOf: async () => null },
  });
  try {
    await app.ready();
    return app.swagger({ yaml: true });
  } finally {
    await app.close();
  }
}
