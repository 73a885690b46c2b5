import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  plugins: [preact()],
  resolve: { alias: { '@': root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/lib/**/*.test.ts', 'tests/components/**/*.test.{ts,tsx}', 'tests/entrypoints/**/*.test.ts', 'tests/bench/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/preact-after-paint.ts'],
          // Vitest's default of 5 s per test failed tests that do real work (an index of a thousand
          // articles, a backup round trip) on a busy two-core machine: tests wait for states, and
          // this only ends a test that would never reach one.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One browser at a time, after the unit tests: CI has two cores, and two browsers
          // beside the jsdom tests starved them of CPU.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
