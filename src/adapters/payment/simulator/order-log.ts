import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatorState } from './simulator-state.js';

// Every line of a request about an order, Fastify's "request completed" included, names the order, as
// the service's own lines do. A gateway knows orders only by the id the merchant sends, not by saga:
// its lines are joined to the service's by orderId.
export function logWithOrderId(app: FastifyInstance, state: SimulatorState): void {
  app.addHook('preHandler', async (request, reply) => {
    const orderId = orderIdOf(request, state);
    if (orderId === undefined) return;
    const log = request.log.child({ orderId });
    request.log = log;
    reply.log = log;
  });
}

// From the body (authorize), the hold named in the path (capture, void, refund), or a ledger filter.
function orderIdOf(request: FastifyRequest, state: SimulatorState): string | undefined {
  const body = request.body as { orderId?: unknown } | undefined;
  if (typeof body?.orderId === 'string') return body.orderId;
  const params = request.params as { authorizationId?: unknown } | undefined;
  if (typeof params?.authorizationId === 'string')
    return state.authorizations.find(params.authorizationId)?.orderId;
  const query = request.query as { orderId?: unknown } | undefined;
  return typeof query?.orderId === 'string' ? query.orderId : undefined;
}
