// Mutation testing (`npm run mutate`, not part of `npm test` or CI): StrykerJS makes small wrong
// changes (mutants) in the numerical core and checks that some test fails for each one.
// Scope: the LCA formulas, the comparison and budgets, and the energy integrator.
// One directory while iterating: npx stryker run --mutate 'src/compare/**/*.ts'
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: {
    configFile: 'vitest.stryker.config.ts',
    // Only the test files that import the mutated file run (vitest related); with Stryker's
    // per-test coverage, each mutant then runs only the tests that reach its code.
    related: true,
  },
  coverageAnalysis: 'perTest',
  mutate: ['src/lca/**/*.ts', 'src/compare/**/*.ts', 'src/ingest/integrate.ts'],
  // The machine running it is usually small and shared: two test processes at most.
  concurrency: 2,
  // Mutants whose code and covering tests did not change keep their last result
  // (reports/stryker-incremental.json, git-ignored: a local cache; --force reruns everything).
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: 85 },
  // vitest transpiles without type checking; nothing to disable (and assembly/ is not TypeScript).
  disableTypeChecks: false,
  ignorePatterns: ['assembly', 'bench', 'docs', 'test-output', 'ml-lca-out', 'coverage'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10_000,
};
