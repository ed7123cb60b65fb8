import { spawnSync } from 'node:child_process';

// Prometheus's own checker for rules files. Debian's `prometheus` package has it; scripts/test.sh
// installs it. Missing, the tests that need it fail saying so instead of passing without checking.
export function promtool(args: readonly string[]): { status: number; output: string } {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  if (run.error !== undefined) {
    throw new Error(
      `promtool could not run (${run.error.message}): install Debian's prometheus package (apt-get install prometheus)`,
    );
  }
  return { status: run.status ?? 1, output: `${run.stdout}${run.stderr}` };
}
