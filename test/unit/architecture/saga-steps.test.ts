import { describe, expect, it } from 'vitest';
import { SAGA_STEPS } from '../../../src/adapters/temporal/workflows/saga-progress.js';
import { SAGA_STEP_NAMES } from '../../../src/application/ports/saga-control.js';

// The workflow may not import the port's list at run time, so it keeps a copy; this keeps them one list.
describe('the saga steps', () => {
  it('are the same, in the same order, in the port and in the workflow', () => {
    expect([...SAGA_STEPS]).toEqual([...SAGA_STEP_NAMES]);
  });
});
