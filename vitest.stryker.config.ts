// The vitest configuration Stryker runs (`npm run mutate`). Mutants live in the test process
// (Stryker's instrumented src/ in its sandbox), so the tests that only run the built dist/ or a
// child process cannot kill one: leaving them out keeps the dry run short and the runs quiet.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'node_modules/**',
        'test/e2e/**', // the action built in dist/ against the fake GitHub
        'test/browser/**', // Chromium screenshots
        'test/integration/**', // a real Prometheus server
        'test/dist.test.ts', // dist/ is fresh
        'test/cli/built-cli.test.ts', // node dist/cli.js
        'test/measure/**', // samplers in child processes; src/measure is outside the mutated scope
      ],
    },
  }),
);
