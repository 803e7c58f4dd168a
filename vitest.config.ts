import { defineConfig } from 'vitest/config';

/**
 * One test run for the whole monorepo. Tests live beside the code (`*.test.ts`); the layering
 * check lives in tools/layering.
 * Storage suites run against embedded PGlite always, and against the PostgreSQL
 * server named by FOOTPRINT_TEST_DATABASE_URL when it is set (CI sets it).
 */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'tools/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Stops a run that includes the browser tests, with one line, when Chromium is missing.
    // Then every test server's log is captured and scanned for NHS numbers, names and dates of birth (tools/log-scan).
    globalSetup: ['apps/web/test/global-setup.ts', 'tools/log-scan/global-setup.ts'],
  },
});
