import { parseArgs } from 'node:util';

export const FAULTS = ['worker', 'api', 'postgres', 'ferretdb', 'temporal', 'gateway'] as const;
export type Fault = (typeof FAULTS)[number];

export interface ChaosOptions {
  readonly orders: number;
  // Orders sent a second, at a steady pace whatever the answers.
  readonly rate: number;
  readonly seed: number;
  // Injected once each, in an order and at times drawn from the seed, while the orders are sent.
  readonly faults: readonly Fault[];
  readonly freezeS: number;
  // How long the run waits, after the last order, for every saga to close before it counts those still
  // open as violations.
  readonly settleS: number;
  readonly out: string | null;
  readonly short: boolean;
  // How many of each the service runs. A killed worker or API is replaced when it was the only one;
  // of several, the others carry on alone (a client moves to the next API address).
  readonly workers: number;
  readonly apis: number;
  readonly scaleOut: boolean;
}

// As loaded as the full run (a backlog is when a cancel can reach a saga before its first step), with
// enough orders for three cancels and three sent again.
const SHORT = {
  orders: 60,
  rate: 3,
  faults: ['worker', 'ferretdb', 'postgres', 'gateway'],
  settleS: 150,
} as const;

// Scale-out: the service as several processes of each kind, one of each killed under load for good.
const SCALE_OUT = { workers: 3, apis: 2, faults: ['worker', 'api'] } as const;

const usage = `npm run chaos -- [options]
  --orders N        orders sent (default 300; --short 60)
  --rate R          orders a second (default 3; --short 3)
  --seed N          seed of the orders and of the faults' order and times (default 13)
  --faults a,b,...  of ${FAULTS.join(', ')} (default all; --short ${SHORT.faults.join(',')})
  --freeze S        seconds the gateway stays frozen (default 12)
  --settle S        seconds to wait for the sagas to close after the last order (default 600; --short ${SHORT.settleS})
  --workers N       worker processes (default 1; --scale-out ${SCALE_OUT.workers})
  --apis N          API processes, each on its own port (default 1; --scale-out ${SCALE_OUT.apis})
  --scale-out       ${SCALE_OUT.workers} workers and ${SCALE_OUT.apis} APIs, faults ${SCALE_OUT.faults.join(',')} unless --faults:
                    one of each killed and not replaced, the orders going on through the survivors
  --out FILE        the JSON report (default bench/results/chaos/<date>-<orders>-orders.json; markdown beside it)
  --short           the version that runs in npm test`;

export function parseOptions(argv: readonly string[]): ChaosOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      orders: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'string' },
      freeze: { type: 'string' },
      settle: { type: 'string' },
      out: { type: 'string' },
      short: { type: 'boolean', default: false },
      workers: { type: 'string' },
      apis: { type: 'string' },
      'scale-out': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const short = values.short === true;
  const scaleOut = values['scale-out'] === true;
  const defaultFaults = scaleOut ? SCALE_OUT.faults : short ? SHORT.faults : FAULTS;
  return {
    orders: positive(values.orders, short ? SHORT.orders : 300, 'orders'),
    rate: positive(values.rate, short ? SHORT.rate : 3, 'rate'),
    seed: positive(values.seed, 13, 'seed'),
    faults: faultsOf(values.faults ?? defaultFaults.join(',')),
    freezeS: positive(values.freeze, 12, 'freeze'),
    settleS: positive(values.settle, short ? SHORT.settleS : 600, 'settle'),
    out: values.out ?? null,
    short,
    workers: whole(values.workers, scaleOut ? SCALE_OUT.workers : 1, 'workers'),
    apis: whole(values.apis, scaleOut ? SCALE_OUT.apis : 1, 'apis'),
    scaleOut,
  };
}

function faultsOf(list: string): Fault[] {
  const names = list.split(',').filter((name) => name !== '');
  for (const name of names)
    if (!FAULTS.includes(name as Fault)) throw new Error(`unknown fault ${name}\n${usage}`);
  return names as Fault[];
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new Error(`--${name} must be a positive number\n${usage}`);
  return parsed;
}

function whole(value: string | undefined, fallback: number, name: string): number {
  const parsed = positive(value, fallback, name);
  if (!Number.isInteger(parsed)) throw new Error(`--${name} must be a whole number\n${usage}`);
  return parsed;
}
