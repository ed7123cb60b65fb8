import { parseArgs } from 'node:util';

export const DESIGNS = ['ceiling', 'plain', 'ours'] as const;
export type Design = (typeof DESIGNS)[number];

// What the worker runs for each design (SAGA_WORKFLOWS, see src/bootstrap/saga-workflows.ts).
export const WORKFLOWS_OF: Record<Design, 'noop' | 'plain' | 'ours'> = {
  ceiling: 'noop',
  plain: 'plain',
  ours: 'ours',
};

export type Outcome = 'confirmed' | 'declined' | 'noStock';

export interface BenchOptions {
  readonly designs: readonly Design[];
  // One run per rate, ascending; with more than one the run is a sweep that stops a design at its knee.
  readonly rates: readonly number[];
  readonly durationS: number;
  readonly warmupS: number;
  // How long after the last arrival the run waits for orders to finish before it counts the unfinished.
  readonly drainS: number;
  readonly mix: Readonly<Record<Outcome, number>>;
  readonly seed: number;
  readonly out: string | null;
  readonly smoke: boolean;
  // Where each design's worker writes a V8 CPU profile per thread (node --cpu-prof), or null.
  readonly cpuProfDir: string | null;
}

const SWEEP = [2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 25, 30, 40, 60, 80, 120];

const usage = `npm run bench -- [options]
  --designs ceiling,plain,ours   which designs to run (default: all three)
  --rate N                       one run at N orders/s (default 10)
  --sweep [r1,r2,...]            runs at each rate, ascending, up to each design's knee (default ${SWEEP.join(',')})
  --duration S                   measured seconds per run (default 20; 10 in a sweep)
  --warmup S                     seconds of arrivals before measuring, not counted (default 3)
  --drain S                      seconds to wait for the last orders after the arrivals (default 10)
  --mix confirmed=80,declined=10,noStock=10   the outcomes asked for, in parts
  --seed N                       the random mix's seed (default 7)
  --out FILE                     the JSON report (default .data/bench/<time>.json; markdown beside it)
  --cpu-prof DIR                 each worker writes V8 CPU profiles to DIR/<design>/ (summarize them with
                                 npx tsx bench/profile-summary.ts DIR/<design>)
  --smoke                        a few seconds at a low rate, for CI: checks the bench works, not speed`;

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      designs: { type: 'string' },
      rate: { type: 'string' },
      sweep: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      drain: { type: 'string' },
      mix: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      smoke: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const sweepAsked = values.sweep !== undefined;
  const rates =
    values.sweep !== undefined
      ? values.sweep === '' || values.sweep === 'default'
        ? SWEEP
        : numbers('--sweep', values.sweep)
      : [positive('--rate', values.rate ?? (values.smoke ? '4' : '10'))];
  const designs = (values.designs?.split(',') ?? [...DESIGNS]).map((name) => {
    if (!(DESIGNS as readonly string[]).includes(name)) fail(`--designs: unknown design ${name}`);
    return name as Design;
  });
  return {
    designs,
    rates: [...rates].sort((a, b) => a - b),
    durationS: positive('--duration', values.duration ?? (values.smoke ? '2' : sweepAsked ? '10' : '20')),
    warmupS: nonNegative('--warmup', values.warmup ?? (values.smoke ? '1' : '3')),
    drainS: positive('--drain', values.drain ?? (values.smoke ? '20' : '10')),
    mix: mixOf(values.mix ?? 'confirmed=80,declined=10,noStock=10'),
    seed: positive('--seed', values.seed ?? '7'),
    out: values.out ?? null,
    smoke: values.smoke,
    cpuProfDir: values['cpu-prof'] ?? null,
  };
}

function mixOf(text: string): Record<Outcome, number> {
  const mix: Record<Outcome, number> = { confirmed: 0, declined: 0, noStock: 0 };
  for (const part of text.split(',')) {
    const [name, parts] = part.split('=');
    if (name === undefined || !(name in mix)) fail(`--mix: unknown outcome ${name}`);
    mix[name as Outcome] = nonNegative('--mix', parts ?? '');
  }
  if (mix.confirmed + mix.declined + mix.noStock === 0) fail('--mix: all parts are zero');
  return mix;
}

function numbers(name: string, text: string): number[] {
  return text.split(',').map((part) => positive(name, part));
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) fail(`${name} must be a positive number, got ${text}`);
  return value;
}

function nonNegative(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) fail(`${name} must be a number >= 0, got ${text}`);
  return value;
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
