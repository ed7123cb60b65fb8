// Records the saga's histories that the replay test holds the workflow code to. Run it when a change to
// the workflow is meant to be incompatible (and then version the workflow instead of breaking running
// sagas): `npx tsx test/workflow/histories/record-histories.ts`.
import { writeFile } from 'node:fs/promises';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { sagaIdOf } from '../../../src/adapters/temporal/workflows/saga-progress.js';
import { SagaEnv, sagaInput } from '../support/saga-env.js';
import { type ActivityName, type Behaviour, stubActivities } from '../support/stub-activities.js';

const paths: Record<string, (name: ActivityName) => Behaviour> = {
  confirmed: () => ({ kind: 'ok' }),
  'declined-compensated': (name) =>
    name === 'authorizePayment' ? { kind: 'refuse', code: 'PAYMENT.DECLINED' } : { kind: 'ok' },
};

const saga = await SagaEnv.start();
try {
  for (const [name, behaviour] of Object.entries(paths)) {
    const taskQueue = saga.nextTaskQueue();
    const input = { ...sagaInput(), orderId: `history-${name}` };
    const stubs = stubActivities(behaviour);
    const history = await saga.withWorker(taskQueue, stubs.activities, async () => {
      const handle = await saga.env.client.workflow.start('orderSaga', {
        taskQueue,
        workflowId: sagaIdOf(input.orderId),
        args: [input],
      });
      await handle.result();
      return handle.fetchHistory();
    });
    const file = new URL(`./${name}.json`, import.meta.url);
    await writeFile(file, `${historyToJSON(history)}\n`);
    console.log(`recorded ${file.pathname} (${history.events?.length} events)`);
  }
} finally {
  await saga.teardown();
}
