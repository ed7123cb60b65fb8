// Prebuilds the workflow bundle for production workers: `npm run build:workflows`.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowInterceptorModules } from '../src/adapters/temporal/tracing-interceptors.js';

const workflowsPath = fileURLToPath(new URL('../src/adapters/temporal/workflows/index.ts', import.meta.url));
const out = new URL('../dist/workflow-bundle.js', import.meta.url);

// The same interceptors as a worker that bundles at start, so a prebuilt worker traces its sagas too.
const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules });
await mkdir(new URL('.', out), { recursive: true });
await writeFile(out, code);
console.log(`workflow bundle written to ${fileURLToPath(out)} (${(code.length / 1024).toFixed(0)} KiB)`);
