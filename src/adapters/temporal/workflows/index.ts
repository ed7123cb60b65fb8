// Every workflow the worker runs; the worker bundles this file (workflowsPath).
export { maintenance } from './maintenance.workflow.js';
export { orderSaga } from './order-saga.workflow.js';
