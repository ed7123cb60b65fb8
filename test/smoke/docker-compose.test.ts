import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaults } from '../../src/bootstrap/config.js';

const run = promisify(execFile);
const composeFile = new URL('../../docker-compose.yml', import.meta.url).pathname;

// Debian's docker-compose 1.29 validates a file without a Docker engine; test.sh installs it.
async function compose(file: string, ...args: string[]) {
  return run('docker-compose', ['-f', file, ...args], { cwd: join(composeFile, '..') });
}

describe('docker-compose.yml', () => {
  it('is a valid compose file', async () => {
    await expect(compose(composeFile, 'config', '-q')).resolves.toBeDefined();
  });

  it('publishes, on loopback only, the ports the service expects by default', async () => {
    const { stdout } = await compose(composeFile, 'config');
    const published = [...stdout.matchAll(/- (\S+):(\d+):\d+\/tcp/g)].map((m) => ({ ip: m[1], port: m[2] }));
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
    await expect(compose(broken, 'config', '-q')).rejects.toThrow();
  });
});
