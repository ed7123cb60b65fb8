import Fastify, { type FastifyInstance } from 'fastify';
import { type DependencyCheck, healthRoutes } from './health.routes.js';

export interface AppOptions {
  readonly logLevel: string;
  readonly dependencies: readonly DependencyCheck[];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel },
    bodyLimit: 64 * 1024,
    requestIdHeader: 'x-request-id',
  });
  await app.register(healthRoutes(options.dependencies));
  return app;
}
