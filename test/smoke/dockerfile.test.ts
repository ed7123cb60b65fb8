import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Instruction {
  readonly stage: number;
  readonly keyword: string;
  readonly args: string;
}

// No Docker engine runs here, so the Dockerfile is checked by reading it: what it copies must exist
// and be let through .dockerignore, what it runs must be a script of package.json.
async function instructions(): Promise<Instruction[]> {
  const text = await readFile(join(root, 'Dockerfile'), 'utf8');
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  let stage = -1;
  return lines.map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage++;
    return { stage, keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
}

async function ignored(): Promise<string[]> {
  const text = await readFile(join(root, '.dockerignore'), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function npmScripts(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return pkg.scripts;
}

describe('Dockerfile', () => {
  it('copies from the build context only files that exist and that .dockerignore lets through', async () => {
    const excluded = await ignored();
    const sources = (await instructions())
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(' ').slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(root, source)), source).toBe(true);
      expect(
        excluded.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`)),
        source,
      ).toEqual([]);
    }
  });

  it('keeps installed modules, local state and secrets out of the build context', async () => {
    expect(await ignored()).toEqual(expect.arrayContaining(['node_modules', '.data', '.env', '.git']));
  });

  it("runs npm scripts that package.json has, in its CMD and in docker-compose.yml's commands", async () => {
    const scripts = await npmScripts();
    const all = await instructions();
    const run = all.filter((i) => i.keyword === 'RUN').map((i) => /npm run (\S+)/.exec(i.args)?.[1]);
    const cmd = JSON.parse(all.findLast((i) => i.keyword === 'CMD')?.args ?? '[]') as string[];
    const compose = parse(await readFile(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { command?: string[]; build?: unknown }>;
    };
    const commands = Object.values(compose.services)
      .filter((service) => service.command?.[0] === 'npm')
      .map((service) => service.command?.[2]);
    const named = [...run.filter((name) => name !== undefined), cmd[2], ...commands];
    expect(cmd.slice(0, 2)).toEqual(['npm', 'run']);
    expect(commands).toEqual(
      expect.arrayContaining(['serve:api', 'serve:worker', 'migrate', 'start:simulator']),
    );
    for (const name of named) expect(Object.keys(scripts), String(name)).toContain(name);
  });

  it('builds the workflow bundle where the compose worker looks for it', async () => {
    const scripts = await npmScripts();
    const builder = await readFile(join(root, scripts['build:workflows']?.split(' ')[1] ?? ''), 'utf8');
    const out = /new URL\('\.\.\/(dist\/[\w.-]+)'/.exec(builder)?.[1];
    const compose = parse(await readFile(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: { worker: { environment: Record<string, string> } };
    };
    const all = await instructions();
    expect(all.some((i) => i.keyword === 'RUN' && i.args.includes('npm run build'))).toBe(true);
    expect(scripts.build).toContain(scripts['build:workflows']);
    expect(all.some((i) => i.keyword === 'COPY' && i.args.startsWith('--from=build /app/dist'))).toBe(true);
    expect(compose.services.worker.environment.WORKFLOW_BUNDLE_PATH).toBe(out);
  });

  it('runs the Node.js major that the project asks for (.nvmrc)', async () => {
    const major = (await readFile(join(root, '.nvmrc'), 'utf8')).trim();
    const bases = (await instructions()).filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base).toMatch(new RegExp(`^node:${major}[-.]`));
  });
});
