// The vitest configuration Stryker runs (scripts/mutation.mjs): the suite's own, with `include`
// replaced by the test files that reach the module being mutated (GANTRY_MUTATION_TESTS, a JSON
// list). Stryker's own `testFiles` option is not used: with it, Stryker 10 activates a static
// mutant (a module-level constant, such as a regular expression) only after the module was
// imported, so the mutant never takes effect and survives whatever the tests check
// (stryker-js#6144, #6209). Without a test filter, static mutants get a fresh environment.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const tests: unknown = JSON.parse(process.env.GANTRY_MUTATION_TESTS ?? 'null');
if (!Array.isArray(tests) || !tests.length || !tests.every((t) => typeof t === 'string'))
  throw new Error('GANTRY_MUTATION_TESTS: expected a JSON list of test files (set by scripts/mutation.mjs).');

const config = mergeConfig(base, defineConfig({}));
// mergeConfig concatenates arrays: the include list is replaced, not extended.
config.test = { ...config.test, include: tests as string[] };
export default config;
