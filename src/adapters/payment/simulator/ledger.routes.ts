import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { LedgerEntry, LedgerFilter, LedgerSummary } from './ledger.js';
import type { SimulatorState } from './simulator-state.js';

// Read-only views for tests and curious developers: what moved, and what was charged in the end.
export function ledgerRoutes(state: SimulatorState): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/health', async () => ({ status: 'ok' }));

    app.get(
      '/v1/ledger',
      {
        schema: {
          querystring: LedgerFilter,
          response: { 200: Type.Object({ data: Type.Array(LedgerEntry) }) },
        },
      },
      async (request) => ({ data: state.ledger.entries(request.query) }),
    );

    app.get(
      '/v1/ledger/summary',
      { schema: { querystring: LedgerFilter, response: { 200: LedgerSummary } } },
      async (request) => state.ledger.summary(request.query),
    );
  };
}
