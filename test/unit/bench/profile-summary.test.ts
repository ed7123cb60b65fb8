import { describe, expect, it } from 'vitest';
import { originOf, summarize } from '../../../bench/profile-summary.js';

const frame = (id: number, functionName: string, url: string) => ({
  id,
  callFrame: { functionName, url, lineNumber: 0 },
});

describe('the CPU profile summary', () => {
  it('names where code comes from: a package, a layer of src, node, or V8', () => {
    expect(originOf('file:///w/node_modules/@opentelemetry/api/build/x.js', 'f')).toBe('@opentelemetry/api');
    expect(originOf('/w/node_modules/.pnpm/x/node_modules/pino/lib/a.js', 'f')).toBe('pino');
    expect(originOf('/w/src/adapters/temporal/activities.ts', 'f')).toBe('src/adapters/temporal');
    expect(originOf('/w/src/application/place-order.ts', 'f')).toBe('src/application');
    expect(originOf('node:internal/streams/readable', 'f')).toBe('node');
    expect(originOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('adds up the sampled time by origin and function, leaving idle time out of busy', () => {
    const profile = {
      nodes: [
        frame(1, '(idle)', ''),
        frame(2, 'wrapWithSpan', '/w/node_modules/@temporalio/interceptors-opentelemetry/lib/a.js'),
        frame(3, 'runSaga', '/w/src/adapters/temporal/workflows/saga-workflow.ts'),
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [1, 2, 3, 2, 1],
      timeDeltas: [4000, 1000, 2000, 1000, 2000],
    };
    const summary = summarize(profile, 5);
    expect(summary.sampledMs).toBe(10);
    expect(summary.busyMs).toBe(4);
    expect(summary.byOrigin).toEqual([
      { name: '@temporalio/interceptors-opentelemetry', ms: 2, share: 0.5 },
      { name: 'src/adapters/temporal', ms: 2, share: 0.5 },
    ]);
    expect(summary.byFunction[0]?.name).toBe('wrapWithSpan @temporalio/interceptors-opentelemetry');
  });
});
