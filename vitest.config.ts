import { defineConfig } from 'vitest/config';

const nodeSuites = ['test/server/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/build/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/setup/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Any unhandled rejection fails the run (vitest's default, kept on purpose) and the
    // setup file also pins it to the test that caused it.
    dangerouslyIgnoreUnhandledErrors: false,
    setupFiles: ['test/setup/no-unhandled.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'browser',
          // Client and simulator code runs where it would: a DOM.
          environment: 'jsdom',
          include: ['test/**/*.test.ts'],
          exclude: nodeSuites,
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeSuites,
          // The CLI and multi-instance tests run dist/: rebuild it first when src/ is newer.
          globalSetup: ['test/setup/build-dist.ts'],
        },
      },
    ],
  },
});
