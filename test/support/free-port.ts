import { createServer, type Server } from 'node:net';

// A TCP port free on loopback right now, for a process the caller is about to start.
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  if (port === undefined) throw new Error('no free port');
  return port;
}

// `count` ports free on loopback right now, all different: each is held until all are found, since the
// system may hand a port just closed to the next caller.
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listening());
    return servers.map((server) => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) throw new Error('no port');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listening(port = 0): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

// The first of `count` consecutive ports, all free on loopback right now, in [from, to): for a process that
// takes a block of ports from one base (the Temporal cluster's services).
export async function freePortRun(count: number, from: number, to: number): Promise<number> {
  for (let first = from; first + count <= to; ) {
    const servers: Server[] = [];
    try {
      for (let port = first; port < first + count; port++) servers.push(await listening(port));
      return first;
    } catch {
      first += servers.length + 1;
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    }
  }
  throw new Error(`no ${count} consecutive free ports in ${from}-${to - 1}`);
}
