import { CPU_PROCESSES } from './cpu.js';
import type { RunResult } from './measure-run.js';
import type { Design } from './options.js';
import type { Spread } from './stats.js';

export interface DesignResult {
  readonly design: Design;
  readonly configuration: unknown;
  // Over the design's whole session (every rate it ran), read from /proc/<pid>/status VmHWM at its end.
  readonly peakRssMiB: { api: number | null; worker: number | null };
  readonly runs: readonly RunResult[];
  // The highest offered rate sustained with p99 completion under one second; null if none was.
  readonly knee: number | null;
  readonly error?: string;
}

const ms = (value: number | null) =>
  value === null ? '–' : value >= 10 ? value.toFixed(0) : value.toFixed(1);
const spread = (s: Spread) => `${ms(s.p50)} / ${ms(s.p99)} / ${ms(s.max)}`;

export function markdownOf(designs: readonly DesignResult[]): string {
  const lines = [
    '| design | offered/s | achieved/s | sent | refused | unfinished | accept ms p50/p99/max | confirmed ms p50/p99/max | compensated ms p50/p99/max | sustained | invariants |',
    '|---|--:|--:|--:|--:|--:|---|---|---|:-:|---|',
  ];
  for (const design of designs) {
    for (const run of design.runs) {
      const invariants = run.invariants.ok ? 'ok' : `**${run.invariants.violations.length} violated**`;
      lines.push(
        `| ${design.design} | ${run.offeredRate} | ${run.achievedRate} | ${run.sent} | ${run.rejected} | ${run.unfinished} | ${spread(run.acceptMs)} | ${spread(run.completionMs.confirmed)} | ${spread(run.completionMs.compensated)} | ${run.sustained ? 'yes' : 'no'} | ${invariants} |`,
      );
    }
  }
  lines.push(
    '',
    ...cpuTable(designs),
    '',
    '| design | knee (orders/s, p99 < 1 s) | peak RSS API MiB | peak RSS worker MiB |',
    '|---|--:|--:|--:|',
  );
  for (const design of designs) {
    const knee = design.knee === null ? 'none' : String(design.knee);
    lines.push(
      `| ${design.design} | ${knee} | ${design.peakRssMiB.api ?? '–'} | ${design.peakRssMiB.worker ?? '–'} |`,
    );
  }
  const violations = designs.flatMap((design) =>
    design.runs.flatMap((run) =>
      run.invariants.violations.map((v) => `- ${design.design} @ ${run.offeredRate}/s: ${v}`),
    ),
  );
  const errors = designs.flatMap((design) => (design.error ? [`- ${design.design}: ${design.error}`] : []));
  lines.push(
    '',
    violations.length === 0 ? 'Invariants: no violation.' : `Invariants violated:\n${violations.join('\n')}`,
  );
  if (errors.length > 0) lines.push('', `Errors:\n${errors.join('\n')}`);
  return lines.join('\n');
}

// CPU per measured order of each process, from the first measured arrival until every saga has closed.
function cpuTable(designs: readonly DesignResult[]): string[] {
  const lines = [
    `| design | offered/s | CPU ms/order total | ${CPU_PROCESSES.join(' | ')} | bench | CPU busy % (of one core) |`,
    `|---|--:|--:|${CPU_PROCESSES.map(() => '--:|').join('')}--:|--:|`,
  ];
  for (const design of designs) {
    for (const run of design.runs) {
      const cpu = run.cpuMsPerOrder;
      const parts = [cpu.total, ...CPU_PROCESSES.map((name) => cpu[name]), cpu.bench].map(ms);
      lines.push(
        `| ${design.design} | ${run.offeredRate} | ${parts.join(' | ')} | ${run.cpuBusyPercent === null ? '–' : run.cpuBusyPercent.toFixed(0)} |`,
      );
    }
  }
  return lines;
}
