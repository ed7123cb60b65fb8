import type { FastifyInstance } from 'fastify';

// A dependency the service cannot work without, checked for real on every readiness probe.
export interface DependencyCheck {
  readonly name: string;
  check(): Promise<void>;
}

type CheckResult = { name: string; status: 'up' } | { name: string; status: 'down'; error: string };

async function runCheck(dependency: DependencyCheck, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([dependency.check(), timeout]);
    return { name: dependency.name, status: 'up' };
  } catch (error) {
    return {
      name: dependency.name,
      status: 'down',
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(dependencies: readonly DependencyCheck[], timeoutMs = 2000) {
  return async (app: FastifyInstance) => {
    app.get('/health/live', async () => ({ status: 'ok' }));

    app.get('/health/ready', async (request, reply) => {
      const checks = await Promise.all(dependencies.map((dependency) => runCheck(dependency, timeoutMs)));
      const down = checks.filter((check) => check.status === 'down');
      for (const check of down)
        request.log.warn({ dependency: check.name, error: check.error }, 'dependency down');
      // The reason stays in the log; the response names what is down without internal messages.
      reply.code(down.length === 0 ? 200 : 503);
      return {
        status: down.length === 0 ? 'ok' : 'unavailable',
        checks: checks.map(({ name, status }) => ({ name, status })),
      };
    });
  };
}
