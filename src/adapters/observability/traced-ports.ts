import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('order-saga');

// A port whose every method call is a span named `<port>.<method>` (orders.save, gateway.authorize),
// child of the activity's span: the database and gateway calls of a trace, whatever the adapter behind
// the port. Wrapping the port, not the driver, needs no patching of pg, mongodb or fetch.
export function traced<T extends object>(port: T, name: string): T {
  return new Proxy(port, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function' || typeof property !== 'string') return member;
      return (...args: unknown[]) =>
        tracer.startActiveSpan(`${name}.${property}`, { kind: SpanKind.CLIENT }, (span) => {
          const fail = (error: unknown) => {
            span.recordException(error instanceof Error ? error : String(error));
            span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
            span.end();
            throw error;
          };
          try {
            const result: unknown = member.apply(target, args);
            if (!(result instanceof Promise)) {
              span.end();
              return result;
            }
            return result.then((value) => {
              span.end();
              return value;
            }, fail);
          } catch (error) {
            return fail(error);
          }
        });
    },
  });
}
