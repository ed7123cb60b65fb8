import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChaos } from './chaos-run.js';
import { parseOptions } from './options.js';
import { markdownOf } from './report.js';

// `npm run chaos`: orders through the API while the service's processes and stores are killed, then the
// stores checked (README, "What the service promises"). Exits 1 on any violation.
const root = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  const command = `npm run chaos -- ${argv.join(' ')}`.trim();
  const report = await runChaos(options, command, log);
  const size = options.short ? 'short' : `${options.orders}-orders`;
  const name = `${report.startedAt.slice(0, 10)}-${size}${options.scaleOut ? '-scale-out' : ''}-${report.runId}`;
  const out = options.out ?? `${root}bench/results/chaos/${name}.json`;
  const markdown = markdownOf(report);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(out.replace(/\.json$/, '.md'), `${markdown}\n`);
  console.log(`\n${markdown}\nreport: ${out}`);
  process.exitCode = report.ok ? 0 : 1;
}

function log(message: string): void {
  console.error(`[chaos ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
