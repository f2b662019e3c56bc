/**
 * The jest configuration StrykerJS runs for each mutant (stryker.config.mjs): the tests of the rules
 * core only, transpiled without type checks (the TypeScript checker of Stryker does that), and
 * without the tests that wait for issue 17 (they fail until its behaviour lands).
 */
const base = require("./jest.config.js");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/rules"],
  testPathIgnorePatterns: ["/node_modules/", "lois-issue17"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }] },
};
