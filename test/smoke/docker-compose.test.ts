import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SAGA_SEARCH_ATTRIBUTES } from '../../src/adapters/temporal/workflows/search-attributes.js';
import { defaults } from '../../src/bootstrap/config.js';

const run = promisify(execFile);
const composeFile = new URL('../../docker-compose.yml', import.meta.url).pathname;
const root = join(composeFile, '..');
const secrets = {
  ADMIN_API_KEY: 'compose-check-key-0123456789',
  TEMPORAL_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
};

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: (string | { host_ip?: string; published?: string | number; target: number })[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
}

// Debian's docker-compose 1.29 validates a file without a Docker engine; test.sh installs it.
async function compose(file: string, env: Record<string, string>, ...args: string[]) {
  return run('docker-compose', ['-f', file, ...args], { cwd: root, env: { ...process.env, ...env } });
}

// The file as compose resolves it (anchors merged, variables interpolated).
async function services(): Promise<Record<string, Service>> {
  const { stdout } = await compose(composeFile, secrets, 'config');
  return (parse(stdout) as { services: Record<string, Service> }).services;
}

function publishedPorts(service: Service): { ip: string | undefined; port: string }[] {
  return (service.ports ?? []).map((port) =>
    typeof port === 'string'
      ? { ip: port.split(':')[0], port: port.split(':')[1] ?? '' }
      : { ip: port.host_ip, port: String(port.published) },
  );
}

const longRunning = ['postgres', 'mongodb', 'temporal', 'simulator', 'worker', 'api'];
const jobs = ['mongodb-init', 'temporal-schema', 'temporal-setup', 'migrate'];

describe('docker-compose.yml', () => {
  it('is a valid compose file', async () => {
    await expect(compose(composeFile, secrets, 'config', '-q')).resolves.toBeDefined();
  });

  it('is refused without ADMIN_API_KEY, which the API cannot start without', async () => {
    await expect(compose(composeFile, { ADMIN_API_KEY: '' }, 'config', '-q')).rejects.toThrow(
      /ADMIN_API_KEY/,
    );
  });

  it('runs the whole service: stores, Temporal with its UI, the simulator, migrations, workers and APIs', async () => {
    expect(Object.keys(await services()).sort()).toEqual([...longRunning, ...jobs, 'temporal-ui'].sort());
  });

  it('gives every long-running service a health check and waits on health, or on a job having finished', async () => {
    const all = await services();
    for (const name of longRunning) expect(all[name]?.healthcheck?.test, name).toBeDefined();
    for (const [name, service] of Object.entries(all))
      for (const [needed, { condition }] of Object.entries(service.depends_on ?? {}))
        expect(`${name} -> ${needed}: ${condition}`).toBe(
          `${name} -> ${needed}: ${jobs.includes(needed) ? 'service_completed_successfully' : needed === 'mongodb' && name === 'mongodb-init' ? 'service_started' : 'service_healthy'}`,
        );
    for (const name of ['worker', 'api'])
      expect(Object.keys(all[name]?.depends_on ?? {}).sort(), name).toEqual(
        expect.arrayContaining(['migrate', 'mongodb', 'temporal-setup']),
      );
  });

  it('runs more than one API and more than one worker, of the image the Dockerfile builds', async () => {
    const all = await services();
    for (const name of ['api', 'worker']) {
      expect(all[name]?.deploy?.replicas, name).toBeGreaterThan(1);
      expect(all[name]?.build, name).toBeDefined();
    }
    expect(publishedPorts(all.api as Service).map((p) => p.port)).toEqual(['3000-3001']);
  });

  it('runs MongoDB as a replica set, which every MONGODB_URL names', async () => {
    const all = await services();
    expect(all.mongodb?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(all['mongodb-init']?.command?.join(' ')).toContain("_id: 'rs0'");
    for (const name of ['api', 'worker', 'migrate'])
      expect(all[name]?.environment?.MONGODB_URL, name).toMatch(/replicaSet=rs0/);
  });

  it("runs Temporal's official server, admin tools and UI images on the compose PostgreSQL", async () => {
    const all = await services();
    expect(all.temporal?.image).toMatch(/^temporalio\/server:/);
    expect(all['temporal-schema']?.image).toMatch(/^temporalio\/admin-tools:/);
    expect(all['temporal-setup']?.image).toMatch(/^temporalio\/admin-tools:/);
    expect(all['temporal-ui']?.image).toMatch(/^temporalio\/ui:/);
    expect(all.temporal?.environment?.DB).toBe('postgres12');
  });

  it("registers exactly the sagas' search attributes, without which the worker refuses to start", async () => {
    const script = await readFile(join(root, 'scripts/docker/temporal-namespace.sh'), 'utf8');
    const registered = /for attribute in ([\w= ]+); do/.exec(script)?.[1]?.split(' ');
    expect(registered?.sort()).toEqual(
      SAGA_SEARCH_ATTRIBUTES.map(
        ({ name, type }) => `${name}=${type[0]}${type.slice(1).toLowerCase()}`,
      ).sort(),
    );
  });

  it('publishes, on loopback only, the ports the service expects by default', async () => {
    const published = Object.values(await services()).flatMap(publishedPorts);
    const expected = [
      new URL(defaults.DATABASE_URL).port,
      new URL(defaults.MONGODB_URL).port,
      defaults.TEMPORAL_ADDRESS.split(':')[1],
    ];
    expect(published.map((p) => p.port)).toEqual(expect.arrayContaining(expected));
    expect(published.every((p) => p.ip === '127.0.0.1')).toBe(true);
  });

  it('is refused when malformed, so the check above can fail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compose-'));
    const broken = join(dir, 'docker-compose.yml');
    await copyFile(composeFile, broken);
    await writeFile(broken, `${await readFile(broken, 'utf8')}\n  stray: [unclosed\n`);
    await expect(compose(broken, secrets, 'config', '-q')).rejects.toThrow();
  });
});
