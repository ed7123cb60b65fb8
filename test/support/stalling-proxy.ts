import { createConnection, createServer, type Server, type Socket } from 'node:net';

// A TCP proxy in front of a server that can hold back one chosen message on its way to the server:
// the first chunk a client sends that contains `marker` (say the `$push` of an update) and everything
// after it on that connection wait until `release()`. What a write stuck in the network, or in a server
// that stopped answering for a while, looks like from both sides. Held bytes are delivered even when
// the client gave up in the meantime: a server reads what already reached it.
export interface StallingProxy {
  readonly port: number;
  // Resolves once a message with the marker has arrived and is held.
  holdNext(marker: string): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

interface Hold {
  readonly marker: Buffer;
  readonly caught: () => void;
  held?: { readonly client: Socket; readonly upstream: Socket; readonly chunks: Buffer[] };
}

export async function startStallingProxy(targetPort: number): Promise<StallingProxy> {
  const sockets = new Set<Socket>();
  let hold: Hold | undefined;

  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    upstream.pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('data', (chunk: Buffer) => {
      if (hold?.held?.upstream === upstream) {
        hold.held.chunks.push(chunk);
        return;
      }
      if (hold !== undefined && hold.held === undefined && chunk.includes(hold.marker)) {
        hold.held = { client, upstream, chunks: [chunk] };
        hold.caught();
        return;
      }
      upstream.write(chunk);
    });
    // The client's end goes to the server only after what is held, as it would over TCP.
    client.on('end', () => {
      if (hold?.held?.upstream !== upstream) upstream.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('proxy has no port');

  return {
    port: address.port,
    holdNext(marker) {
      return new Promise((caught) => {
        hold = { marker: Buffer.from(marker), caught };
      });
    },
    release() {
      const held = hold?.held;
      hold = undefined;
      if (held === undefined) return;
      for (const chunk of held.chunks) held.upstream.write(chunk);
      if (held.client.readableEnded || held.client.destroyed) held.upstream.end();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
