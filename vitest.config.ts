import { defineConfig } from 'vitest/config';

// Three tiers (see README, "Tests"): unit tests run the real plugins on Markdown; build tests
// build real story folders with `astro build` and check every page of dist; e2e tests open
// those builds in Debian's Chromium. Build and e2e share one build per site per run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // One browser at a time on a 2-core machine.
          fileParallelism: false,
          // Pagefind's first load (wasm, index) can take over a second on a busy machine.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
