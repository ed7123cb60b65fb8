import type { OrderTrace } from './careful-client.js';
import { FAULT_DESCRIPTIONS, type InjectedFault } from './faults.js';
import type { ChaosOptions } from './options.js';
import type { Spread } from './spread.js';
import type { ProductFigures, StoredOrder, Violation } from './store-checks.js';

export interface ChaosReport {
  readonly runId: string;
  readonly startedAt: string;
  readonly command: string;
  readonly commit: string;
  readonly options: ChaosOptions;
  readonly machine: { cores: number; loadAverageAtStart: number[] };
  // Which Temporal the run used: the dev server, or the cluster with TEMPORAL_MODE=cluster.
  readonly temporalServer: string;
  readonly durationsS: { load: number; settle: number; total: number };
  readonly orders: ReturnType<typeof orderCounts>;
  readonly faults: readonly InjectedFault[];
  readonly spread: Spread;
  readonly products: readonly ProductFigures[];
  // What the customers did besides placing their orders, order by order.
  readonly customerActions: readonly ReturnType<typeof customerActionOf>[];
  readonly violations: readonly Violation[];
  readonly ok: boolean;
}

export function customerActionOf(trace: OrderTrace, stored: ReadonlyMap<string, StoredOrder>) {
  const order = stored.get(trace.orderId ?? '');
  return {
    orderId: trace.orderId,
    idempotencyKey: trace.planned.idempotencyKey,
    ended:
      order === undefined
        ? null
        : `${order.status}${order.failureCode === null ? '' : ` ${order.failureCode}`}`,
    cancel:
      trace.planned.cancel === null
        ? null
        : {
            ...trace.planned.cancel,
            answer: trace.cancel?.answer ?? null,
            attempts: trace.cancel?.attempts.count ?? 0,
            onSameConnection: trace.cancel?.sameConnection ?? null,
          },
    sentAgain:
      trace.resend === null
        ? null
        : {
            afterMs: trace.planned.resendAfterMs,
            orderId: trace.resend.orderId,
            replayed: trace.resend.replayed,
          },
  };
}

export function orderCounts(traces: readonly OrderTrace[], stored: ReadonlyMap<string, StoredOrder>) {
  const accepted = traces.filter((trace) => trace.orderId !== null);
  const final = accepted.map((trace) => stored.get(trace.orderId ?? ''));
  const cancelledBy: Record<string, number> = {};
  for (const order of final)
    if (order?.status === 'CANCELLED') {
      const code = order.failureCode ?? '(none)';
      cancelledBy[code] = (cancelledBy[code] ?? 0) + 1;
    }
  const clientRetries: Record<string, number> = {};
  const cancelAnswers: Record<string, number> = {};
  for (const trace of traces) {
    for (const attempts of [trace.attempts, trace.cancel?.attempts, trace.resend?.attempts])
      for (const [reason, count] of Object.entries(attempts?.failures ?? {}))
        clientRetries[reason] = (clientRetries[reason] ?? 0) + count;
    if (trace.cancel !== null)
      cancelAnswers[trace.cancel.answer] = (cancelAnswers[trace.cancel.answer] ?? 0) + 1;
  }
  return {
    sent: traces.length,
    accepted: accepted.length,
    refused: traces.filter((trace) => trace.refusal !== null).length,
    neverAccepted: traces.filter((trace) => trace.gaveUp).length,
    confirmed: final.filter((order) => order?.status === 'CONFIRMED').length,
    cancelled: final.filter((order) => order?.status === 'CANCELLED').length,
    notOver: final.filter(
      (order) => order !== undefined && order.status !== 'CONFIRMED' && order.status !== 'CANCELLED',
    ).length,
    notStored: final.filter((order) => order === undefined).length,
    cancelledBy,
    cancelRequests: cancelAnswers,
    // Told it was too late, yet cancelled on request: say, an attempt that timed out took effect, and the
    // retry found the saga over.
    toldTooLateButCancelledOnRequest: traces.filter(
      (trace) =>
        trace.cancel?.answer === 'TOO_LATE' &&
        stored.get(trace.orderId ?? '')?.failureCode === 'ORDER.CANCELLED_ON_REQUEST',
    ).length,
    cancelledAtOnce: traces.filter((trace) => trace.planned.cancel?.sameConnection === true).length,
    cancelledOnTheSameConnection: traces.filter((trace) => trace.cancel?.sameConnection === true).length,
    sentAgain: traces.filter((trace) => trace.resend !== null).length,
    clientRetries,
  };
}

export function markdownOf(report: ChaosReport): string {
  const o = report.orders;
  const lines = [
    `# Chaos run ${report.runId}: ${report.ok ? 'no violation' : `${report.violations.length} violations`}`,
    '',
    `\`${report.command}\` on commit ${report.commit}, ${report.startedAt}; ${report.machine.cores} cores, load average ${report.machine.loadAverageAtStart.join(' ')} at the start; Temporal ${report.temporalServer}.`,
    `${report.options.orders} orders at ${report.options.rate}/s (seed ${report.options.seed}) to ${report.options.apis} API process(es) and ${report.options.workers} worker process(es); ${report.durationsS.load} s until every client had its answers, ${report.durationsS.settle} s more until every saga closed, ${report.durationsS.total} s in all with the stack's start and the checks.`,
    '',
    '## Orders',
    '',
    '| sent | accepted (202) | refused | never accepted | CONFIRMED | CANCELLED | not over | not stored |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${o.sent} | ${o.accepted} | ${o.refused} | ${o.neverAccepted} | ${o.confirmed} | ${o.cancelled} | ${o.notOver} | ${o.notStored} |`,
    '',
    `Cancelled, by reason: ${entries(o.cancelledBy)}.`,
    `Customers' cancel requests: ${entries(o.cancelRequests)} (${o.cancelledAtOnce} sent at once, ${o.cancelledOnTheSameConnection} of them on the connection of the 202). Orders sent again later with the same key: ${o.sentAgain}.`,
    `Cancels answered 409 (too late) whose order ended CANCELLED on request all the same: ${o.toldTooLateButCancelledOnRequest} (their attempts are in the JSON's customerActions).`,
    `Requests the clients had to send again: ${entries(o.clientRetries)}.`,
    '',
    '## Faults',
    '',
    '| at (s) | fault | back after (s) | what happened |',
    '| --- | --- | --- | --- |',
    ...report.faults.map(
      (f) =>
        `| ${f.atS} | ${f.fault}: ${FAULT_DESCRIPTIONS[f.fault]} | ${(f.recoveredAtS - f.atS).toFixed(1)} | ${f.detail} |`,
    ),
    '',
    '## Spread over the processes',
    '',
    '| API | orders accepted | of them after an API was killed |',
    '| --- | --- | --- |',
    ...report.spread.apis.map((a) => `| ${a.baseUrl} | ${a.accepted} | ${a.acceptedAfterApiKilled ?? '-'} |`),
    '',
    '| worker | killed | workflow tasks | activities |',
    '| --- | --- | --- | --- |',
    ...report.spread.workers.map(
      (w) => `| ${w.name} | ${w.killed ? 'yes' : 'no'} | ${w.workflowTasks} | ${w.activities} |`,
    ),
    '',
    "Counted from the accepted orders' saga histories (the identity Temporal records on each started task).",
    '',
    '## Stock',
    '',
    '| product | stocked | available | reserved | committed | in HELD reservations | sold (CONFIRMED) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.products.map(
      (p) =>
        `| ${p.productId} | ${p.stocked} | ${p.available} | ${p.reserved} | ${p.committed} | ${p.held} | ${p.sold} |`,
    ),
    '',
    '## Violations',
    '',
    ...violationLines(report.violations),
  ];
  return lines.join('\n');
}

function violationLines(violations: readonly Violation[]): string[] {
  if (violations.length === 0) return ['None: every invariant held.'];
  const byKind = new Map<string, Violation[]>();
  for (const violation of violations)
    byKind.set(violation.kind, [...(byKind.get(violation.kind) ?? []), violation]);
  const lines: string[] = [];
  for (const [kind, found] of byKind) {
    lines.push(`### ${kind} (${found.length})`, '');
    for (const violation of found.slice(0, 20)) {
      const at = violation.acceptedAtS === undefined ? '' : ` (accepted at ${violation.acceptedAtS} s)`;
      const customer = violation.customer === undefined ? '' : `; its customer ${violation.customer}`;
      lines.push(`- \`${violation.subject}\`${at}: ${violation.detail}${customer}`);
    }
    if (found.length > 20) lines.push(`- and ${found.length - 20} more (in the JSON report)`);
    lines.push('');
  }
  return lines;
}

function entries(counts: Record<string, number>): string {
  const all = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return all.length === 0 ? 'none' : all.map(([name, count]) => `${name} ${count}`).join(', ');
}
