import type { Client } from '@temporalio/client';

export interface TemporalServer {
  readonly version: string;
  // `sqlite` is the dev server (TEMPORAL_MODE=dev); `postgres12` the cluster on the stack's PostgreSQL.
  readonly persistence: string;
  readonly visibility: string;
  readonly historyShards: number;
}

// What the server says it is, so that a report names the Temporal its figures came from.
export async function temporalServerOf(client: Client): Promise<TemporalServer | null> {
  const info = await client.workflowService.getClusterInfo({}).catch(() => null);
  if (info === null) return null;
  return {
    version: info.serverVersion ?? 'unknown',
    persistence: info.persistenceStore ?? 'unknown',
    visibility: info.visibilityStore ?? 'unknown',
    historyShards: info.historyShardCount ?? 0,
  };
}

export function describeTemporalServer(server: TemporalServer | null): string {
  if (server === null) return 'unknown';
  const shards = `${server.historyShards} history shard${server.historyShards === 1 ? '' : 's'}`;
  return `${server.version} on ${server.persistence} (visibility ${server.visibility}), ${shards}`;
}
