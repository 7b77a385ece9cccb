import { defineConfig } from 'vitest/config';

// Four projects: pure tests once; every storage test (`*.db.test.ts`) twice, once on SQLite and
// once on PostgreSQL, so that one suite proves both backends.
const slow = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.e2e.test.ts', 'node_modules/**'],
          ...slow,
        },
      },
      {
        test: {
          name: 'sqlite',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { HEADSTAMP_TEST_DIALECT: 'sqlite' },
          ...slow,
        },
      },
      {
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { HEADSTAMP_TEST_DIALECT: 'postgres' },
          ...slow,
        },
      },
      {
        // The dashboard end to end: a plant per file (`headstamp serve --twin` as a child process) and
        // Debian's Chromium; files one after another, the dashboard built once first.
        test: {
          name: 'e2e',
          include: ['web/**/*.e2e.test.ts'],
          globalSetup: ['web/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
