import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { StringEnum } from './schemas/common.schema.js';
import { problemResponses } from './schemas/problem.schema.js';
import { ref } from './schemas/ref.js';
import { CREDENTIAL_REFUSED, LIMITED, NO_HOST } from './schemas/route-errors.js';

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

const Readiness = Type.Object(
  {
    status: StringEnum(['ok', 'unavailable']),
    checks: Type.Array(
      Type.Object(
        { name: Type.String({ examples: ['postgres'] }), status: StringEnum(['up', 'down']) },
        { additionalProperties: false },
      ),
    ),
  },
  {
    $id: 'Readiness',
    additionalProperties: false,
    description: 'Each dependency, up or down.',
    examples: [{ status: 'ok', checks: [{ name: 'postgres', status: 'up' }] }],
  },
);

export const sharedHealthSchemas = [Readiness];

export function healthRoutes(
  dependencies: readonly DependencyCheck[],
  timeoutMs = 2000,
): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/health/live',
      {
        schema: {
          operationId: 'live',
          tags: ['health'],
          summary: 'The process is up',
          description: 'Answers as long as the process serves HTTP; it asks no dependency.',
          security: [],
          response: {
            200: Type.Object(
              { status: StringEnum(['ok']) },
              {
                additionalProperties: false,
                description: 'The process is up.',
                examples: [{ status: 'ok' }],
              },
            ),
            ...problemResponses({ ...NO_HOST, ...CREDENTIAL_REFUSED, ...LIMITED }),
          },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    const readiness = ref(Readiness);
    app.get(
      '/health/ready',
      {
        schema: {
          operationId: 'ready',
          tags: ['health'],
          summary: 'PostgreSQL, MongoDB and Temporal answer',
          description: 'Asks each for real; 503 names the ones that are down.',
          security: [],
          response: {
            ...problemResponses({ ...NO_HOST, ...CREDENTIAL_REFUSED, ...LIMITED }),
            200: { ...readiness, description: 'Everything is up.' },
            503: { ...readiness, description: 'At least one dependency is down.' },
          },
        },
      },
      async (request, reply) => {
        const checks = await Promise.all(dependencies.map((dependency) => runCheck(dependency, timeoutMs)));
        const down = checks.filter((check) => check.status === 'down');
        for (const check of down)
          request.log.warn({ dependency: check.name, error: check.error }, 'dependency down');
        // The reason stays in the log; the response names what is down without internal messages.
        reply.code(down.length === 0 ? 200 : 503);
        return {
          status: down.length === 0 ? ('ok' as const) : ('unavailable' as const),
          checks: checks.map(({ name, status }) => ({ name, status })),
        };
      },
    );
  };
}
