import { createServer } from 'node:net';
import { freePorts } from '../support/free-port.js';

let next: number | null = null;

// Ports for the run's stack and services: any free ones, or, where the machine's ports are shared out
// (CHAOS_PORTS=7700-7799), free ones from that range, each handed out once per run.
export async function chaosPorts(count: number, env = process.env): Promise<number[]> {
  const range = env.CHAOS_PORTS?.trim();
  if (range === undefined || range === '') return freePorts(count);
  const match = /^(\d+)-(\d+)$/.exec(range);
  if (match === null) throw new Error(`CHAOS_PORTS must be a range like 7700-7799, got ${range}`);
  const [first, last] = [Number(match[1]), Number(match[2])];
  const ports: number[] = [];
  for (let port = next ?? first; ports.length < count; port++) {
    if (port > last) throw new Error(`CHAOS_PORTS ${range}: fewer than ${count} free ports left`);
    if (await isFree(port)) ports.push(port);
    next = port + 1;
  }
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
