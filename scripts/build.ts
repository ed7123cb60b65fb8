// Compiles the service for production: `npm run build` (this, then the workflow bundle). Each file of src/
// becomes JavaScript under dist/src/, as it is (esbuild, no bundling, no type check: `npm run typecheck`
// does that), so that the processes run on plain node: a worker without tsx starts in a third of the time
// and holds about 80 MiB less (bench/README.md). Relative paths found through import.meta.url (the
// migrations) land beside their files as in src/.
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

export async function compileService(outdir: string): Promise<void> {
  const src = join(root, 'src');
  const entryPoints = (await readdir(src, { recursive: true }))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(src, file));
  await rm(join(outdir, 'src'), { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: join(outdir, 'src'),
    outbase: src,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'warning',
    // workflow-tracing.ts loads the OpenTelemetry interceptors with `require`, which only the workflow
    // bundle (webpack) runs; the compiled module is imported by the API for its memo and never calls it.
    logOverride: { 'unsupported-require-call': 'silent' },
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outdir = join(root, 'dist');
  await compileService(outdir);
  console.log(`service compiled to ${relative(root, join(outdir, 'src'))}/`);
}
