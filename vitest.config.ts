import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    setupFiles: ["tests/setup.ts"],
    // Each test file builds whole sites; two cores, so two at a time.
    maxWorkers: 2,
    // The test files of a worker share one process: Eleventy and the other modules load once per worker
    // instead of once per file, and builds the files only read are shared (tests/helpers/site.ts, sharedBuild).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Browser tests wait for pages to load Pagefind and run scripts; a busy two-core machine can take
    // longer than the default second, and a wait that ends early fails a test that would have passed.
    expect: { poll: { timeout: 15_000 } },
  },
});
