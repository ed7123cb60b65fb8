import { defineConfig } from 'vitest/config';

const withServices = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  setupFiles: ['test/support/quiet-temporal.ts'],
};

// One project per layer of the test pyramid, so `vitest run --project unit` runs only the fast ones.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'contract', include: ['test/contract/**/*.test.ts'], ...withServices } },
      { test: { name: 'smoke', include: ['test/smoke/**/*.test.ts'], ...withServices } },
      { test: { name: 'workflow', include: ['test/workflow/**/*.test.ts'], ...withServices } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], ...withServices } },
    ],
  },
});
