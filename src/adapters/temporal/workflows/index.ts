// Every workflow the worker runs; the worker bundles this file (workflowsPath).
export { orderSaga } from './order-saga.workflow.js';
