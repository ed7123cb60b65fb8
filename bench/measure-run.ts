import type { Client } from '@temporalio/client';
import { completionsOf, waitForClosed } from '../test/support/saga-completions.js';
import { removeProducts, stockCatalogue } from './catalogue.js';
import { type CpuFigures, type CpuSample, cpuFigures, sampleCpu, stackPids } from './cpu.js';
import { checkInvariants, type InvariantReport } from './invariants.js';
import { driveOrders } from './load.js';
import type { BenchOptions, Design } from './options.js';
import type { DesignSession } from './session.js';
import { round, type Spread, spreadOf } from './stats.js';

export interface RunResult extends CpuFigures {
  readonly design: Design;
  readonly offeredRate: number;
  readonly durationS: number;
  readonly sent: number;
  readonly measured: number;
  readonly rejected: number;
  readonly achievedRate: number;
  // Accepted orders whose saga had not closed `drainS` after the last arrival.
  readonly unfinished: number;
  readonly maxSendLagMs: number;
  readonly acceptMs: Spread;
  readonly completionMs: { all: Spread; confirmed: Spread; compensated: Spread };
  // Held at this rate: nothing refused, nothing unfinished, p99 completion under one second.
  readonly sustained: boolean;
  readonly invariants: InvariantReport;
  readonly firstErrors: readonly string[];
}

const SETTLE_MS = 180_000;

export async function measureRun(parts: {
  session: DesignSession;
  client: Client;
  simulatorUrl: string;
  simulatorPid: number | null;
  mongodbUrl: string;
  rate: number;
  options: BenchOptions;
  tag: string;
}): Promise<RunResult> {
  const { session, client, rate, options } = parts;
  const customerId = `bench-${parts.tag}`;
  const total = Math.round(rate * (options.warmupS + options.durationS));
  const catalogue = await stockCatalogue(session.baseUrl, parts.tag, total);
  const pids = {
    worker: session.worker.pid,
    api: session.api.pid,
    simulator: parts.simulatorPid,
    ...stackPids(),
  };
  // CPU is counted from the first measured arrival to when every saga of the run has closed (or the
  // drain has run out): the tails of warm-up sagas are in it, the invariant check is not.
  const cpu: { start: CpuSample | null; end: CpuSample | null } = { start: null, end: null };
  const { orders, maxSendLagMs } = await driveOrders(
    session.baseUrl,
    customerId,
    catalogue,
    {
      rate,
      warmupS: options.warmupS,
      durationS: options.durationS,
      mix: options.mix,
      seed: options.seed,
    },
    () => {
      cpu.start = sampleCpu(pids);
    },
  );
  const sagas = orders.filter((order) => order.orderId !== null).length;
  const unfinished = await waitForClosed(
    client,
    session.taskQueue,
    customerId,
    sagas,
    options.drainS * 1_000,
  );
  cpu.end = sampleCpu(pids);
  const completions = await completionsOf(client, session.taskQueue, customerId);
  // Not measured: the next run (and the invariant check) must start from a quiet system.
  const stillRunning = await waitForClosed(client, session.taskQueue, customerId, sagas, SETTLE_MS);
  const { report, orders: records } = await checkInvariants({
    baseUrl: session.baseUrl,
    simulatorUrl: parts.simulatorUrl,
    customerId,
    catalogue,
    sent: orders,
    sagaDesign: session.design !== 'ceiling',
  });
  await removeProducts(parts.mongodbUrl, [...catalogue.initialStock.keys()]);
  const invariants =
    stillRunning === 0
      ? report
      : {
          ...report,
          ok: false,
          violations: [`${stillRunning} sagas not closed after ${SETTLE_MS} ms`, ...report.violations],
        };

  const measured = orders.filter((order) => order.measured);
  const closed = measured.flatMap((order) => {
    const completion = completions.get(`order-${order.orderId}`);
    if (order.orderId === null || completion?.closedAt == null) return [];
    const record = records.get(order.orderId);
    const confirmed = record === undefined ? order.outcome === 'confirmed' : record.status === 'CONFIRMED';
    return [{ confirmed, startedAt: completion.startedAt, closedAt: completion.closedAt }];
  });
  const latency = (c: { startedAt: number; closedAt: number }) => c.closedAt - c.startedAt;
  const firstStart = Math.min(...closed.map((c) => c.startedAt));
  const lastClose = Math.max(...closed.map((c) => c.closedAt));
  const all = spreadOf(closed.map(latency));
  const rejected = orders.filter((order) => order.status !== 202).length;
  return {
    design: session.design,
    offeredRate: rate,
    durationS: options.durationS,
    sent: orders.length,
    measured: measured.length,
    rejected,
    achievedRate: closed.length > 1 ? round((closed.length * 1_000) / (lastClose - firstStart), 2) : 0,
    unfinished,
    maxSendLagMs: round(maxSendLagMs),
    acceptMs: spreadOf(measured.flatMap((order) => (order.acceptMs === null ? [] : [order.acceptMs]))),
    completionMs: {
      all,
      confirmed: spreadOf(closed.filter((c) => c.confirmed).map(latency)),
      compensated: spreadOf(closed.filter((c) => !c.confirmed).map(latency)),
    },
    sustained: rejected === 0 && unfinished === 0 && all.p99 !== null && all.p99 < 1_000,
    ...cpuFigures(cpu.start, cpu.end, measured.length),
    invariants,
    firstErrors: orders.flatMap((order) => (order.error === null ? [] : [order.error])).slice(0, 3),
  };
}
