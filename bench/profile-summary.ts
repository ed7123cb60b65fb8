// Summarizes the V8 CPU profiles a bench worker wrote (`npm run bench -- --cpu-prof DIR`): per thread,
// how long it was sampled and busy, and where the busy time went, by where the code comes from (a package,
// the project's own src/, Node itself, the garbage collector) and by function.
// `npx tsx bench/profile-summary.ts DIR/ours [--top 15]`
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const IDLE = new Set(['(idle)', '(program)']);

// Where a frame's code comes from: the package under node_modules, src/<layer>, node: internals, or V8.
export function originOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  // A workflow bundle names its modules by their absolute path (devtoolModuleFilenameTemplate).
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  const own = /\/(src|bench|test)\/([^/]+)(?:\/([^/]+))?/.exec(url);
  if (own) {
    const sub = own[3] ?? '';
    return sub === '' || sub.includes('.') ? `${own[1]}/${own[2]}` : `${own[1]}/${own[2]}/${sub}`;
  }
  if (url.startsWith('node:')) return 'node';
  if (url.includes('workflow-bundle')) return 'workflow bundle (other)';
  return url;
}

export function summarize(profile: Profile, top: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byOrigin = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busyUs = 0;
  for (const [index, id] of profile.samples.entries()) {
    const us = profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined || IDLE.has(frame.functionName)) continue;
    busyUs += us;
    const origin = originOf(frame.url, frame.functionName);
    byOrigin.set(origin, (byOrigin.get(origin) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${origin}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const ranked = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busyUs === 0 ? 0 : us / busyUs }));
  return {
    sampledMs: Math.round((profile.endTime - profile.startTime) / 1000),
    busyMs: Math.round(busyUs / 1000),
    byOrigin: ranked(byOrigin),
    byFunction: ranked(byFunction),
  };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '15' } },
  });
  const dir = positionals[0];
  if (dir === undefined) throw new Error('usage: profile-summary.ts DIR [--top N]');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.cpuprofile')).sort();
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  for (const file of files) {
    const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as Profile;
    const summary = summarize(profile, Number(values.top));
    if (summary.busyMs < 100) continue;
    console.log(`\n${file}: sampled ${summary.sampledMs} ms, busy ${summary.busyMs} ms`);
    console.log('| where | ms | share of busy |\n|---|--:|--:|');
    for (const row of summary.byOrigin)
      console.log(`| ${row.name} | ${row.ms} | ${(row.share * 100).toFixed(1)}% |`);
    console.log('\n| function | ms | share of busy |\n|---|--:|--:|');
    for (const row of summary.byFunction)
      console.log(`| ${row.name} | ${row.ms} | ${(row.share * 100).toFixed(1)}% |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
