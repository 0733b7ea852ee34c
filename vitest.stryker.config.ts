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
        // node dist/cli.js in a child process, nothing from src/ in the test process (the memory
        // bound of pathological.test.ts also fails under the instrumented sandbox's load)
        'test/cli/built-cli.test.ts',
        'test/cli/pathological.test.ts',
        'test/cli/hardening.test.ts',
        'test/cli/main.test.ts',
        'test/cli/pipe.test.ts',
        'test/measure/**', // samplers in child processes; src/measure is outside the mutated scope
      ],
    },
  }),
);
