import {
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowInterceptorsFactory,
  type WorkflowInternalsInterceptor,
  type WorkflowOutboundCallsInterceptor,
  workflowInfo,
} from '@temporalio/workflow';

// The workflow interceptor module of every worker (bundled by its path, tracing-interceptors.ts). It
// runs Temporal's OpenTelemetry workflow interceptors for a saga whose memo asks for them, or that
// has no such memo, and none otherwise.
// Why per saga and not per worker: the OpenTelemetry interceptors change how an update handler's
// promise settles, so a saga that received an update replays only with the set it ran with (TMPRL1100
// otherwise). Every saga started before this memo existed ran with them and keeps them; a process
// that starts sagas says at the start whether it traces (tracingMemo), and that is in the saga's
// history for good. Without them a saga's workflow thread does about a third less work
// (bench/README.md), and the activities still get spans of their own when the worker traces.
export const TRACED_MEMO = 'traced';

export function tracingMemo(traced: boolean): Record<string, unknown> {
  return { [TRACED_MEMO]: traced };
}

function traced(): boolean {
  return workflowInfo().memo?.[TRACED_MEMO] !== false;
}

type OpenTelemetryModule = { interceptors: WorkflowInterceptorsFactory };

// The methods Temporal's OpenTelemetry interceptors (1.24) implement, by interceptor. A method the
// library adds later is not run until it is listed here, which keeps a saga's replay unchanged by an
// upgrade of the library.
const inboundMethods = ['execute', 'handleSignal', 'handleUpdate', 'validateUpdate', 'handleQuery'] as const;
const outboundMethods = [
  'scheduleActivity',
  'scheduleLocalActivity',
  'startNexusOperation',
  'startChildWorkflowExecution',
  'continueAsNew',
  'signalWorkflow',
  'getLogAttributes',
  'getMetricTags',
] as const;
const internalsMethods = ['dispose'] as const;

type AnyInterceptor = Record<string, ((input: unknown, next: unknown) => unknown) | undefined>;

export const interceptors: WorkflowInterceptorsFactory = () => {
  // Loaded and built on the first call of a traced saga only: a saga that is not traced neither
  // imports the OpenTelemetry modules nor builds a tracer (both are per saga in the sandbox).
  let openTelemetry: WorkflowInterceptors | undefined;
  const target = (): WorkflowInterceptors | null => {
    if (!traced()) return null;
    if (openTelemetry === undefined) {
      // A CommonJS require, resolved by the bundler, so that the modules load only here.
      const module =
        require('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors') as OpenTelemetryModule;
      openTelemetry = module.interceptors();
    }
    return openTelemetry;
  };
  // Each method hands the call to the OpenTelemetry interceptor of a traced saga, or straight to next:
  // no await of its own, so an untraced saga settles its promises as if no interceptor were there.
  const delegate = <T>(
    methods: readonly string[],
    of: (all: WorkflowInterceptors) => unknown[] | undefined,
  ) =>
    Object.fromEntries(
      methods.map((method) => [
        method,
        (input: unknown, next: (input: unknown) => unknown) => {
          const all = target();
          const interceptor = (all === null ? undefined : of(all)?.[0]) as AnyInterceptor | undefined;
          const handler = interceptor?.[method];
          return handler === undefined ? next(input) : handler.call(interceptor, input, next);
        },
      ]),
    ) as T;
  return {
    inbound: [delegate<WorkflowInboundCallsInterceptor>(inboundMethods, (all) => all.inbound)],
    outbound: [delegate<WorkflowOutboundCallsInterceptor>(outboundMethods, (all) => all.outbound)],
    internals: [delegate<WorkflowInternalsInterceptor>(internalsMethods, (all) => all.internals)],
  };
};
