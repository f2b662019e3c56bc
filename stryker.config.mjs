// @ts-check
/**
 * Mutation testing of the rules core (issue 18): `npm run mutation`. Not part of `npm test` nor CI
 * (tens of minutes on this machine). What it leaves out and why: docs/tests.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: "npm",
  testRunner: "jest",
  // test/rules only (stryker.jest.config.js), transpiled without type checks: the TypeScript checker below does that once per mutant.
  jest: { projectType: "custom", configFile: "stryker.jest.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.stryker.json",
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // The law: every file of src/rules but the public re-exports (index.ts), the type-only dossier.ts,
  // format.ts, which only writes figures into French messages, and parametres.ts, whose figures and
  // citations scripts/mutants-seuils.js mutates one by one (StrykerJS cannot mutate numbers, and its
  // string mutants there are "static": each would run the whole suite). docs/tests.md.
  mutate: ["src/rules/**/*.ts", "!src/rules/index.ts", "!src/rules/dossier.ts", "!src/rules/format.ts", "!src/rules/parametres.ts"],
  // Module-level constants (GRAVITE in verdict.ts, UN_CENTIME in decimal.ts) would each need a run of
  // every test: left out, counted as ignored in the report.
  ignoreStatic: true,
  coverageAnalysis: "perTest",
  // Only the mutated files need "// @ts-nocheck" (the default also tries the pane's HTML).
  disableTypeChecks: "src/rules/**/*.ts",
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  // Two cores shared by the whole team.
  concurrency: 1,
  timeoutMS: 30000,
  // Message wording is not law: scripts/stryker-messages.mjs says which nodes it skips.
  plugins: ["@stryker-mutator/*", "./scripts/stryker-messages.mjs"],
  ignorers: ["messages"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { reportMutants: true, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  ignorePatterns: ["dist", "build", "test-output", "reports", "bench", "assets", "examples", "docs", "*.xlsx"],
};
