// Mutation testing of the security-critical modules (StrykerJS + its vitest runner, per-test coverage).
//
//   npm run mutation                         every module, one after the other
//   npm run mutation -- text masking         the modules whose name contains one of the words
//   npm run mutation -- --list [--json]      the modules, their mutate ranges and test files; runs nothing
//   npm run mutation -- --concurrency 2      Stryker workers (default 1: the dev machines are shared)
//
// Each module is mutated on its own and tested only by the test files that reach it (through their
// imports), so its score says what ITS tests catch. The score is Stryker's "covered" score:
// killed + timed out over the mutants some test executes; mutants no test reaches are listed apart
// (no coverage) and do not count, since running more tests could not kill them either.
// The run fails when a module scores below its threshold. Reports: reports/mutation/<module>.html
// (every survivor with its diff) and .json; reports/mutation/summary.json.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// ---------------------------------------------------------------------------------------------------
// The modules. `mutate`: files (whole) or { file, functions } (only those functions or methods,
// found by name so the range follows the code as it changes). `tests`: globs of test files; only
// the ones whose imports reach a mutated file are run, and end-to-end files (*e2e.test.ts, or those
// calling runAction: they run the bundles in dist/, not the mutated source) are left out unless
// named exactly.
// `threshold`: the lowest passing covered score in percent; below 90 needs a `why`.
// ---------------------------------------------------------------------------------------------------
export const MODULES = [
  {
    name: 'runtime/text',
    mutate: ['src/runtime/text.ts'],
    tests: ['test/runtime/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'vault-secrets/masking',
    mutate: ['src/vault-secrets/masking.ts'],
    tests: ['test/vault-secrets/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'vault-secrets/env-names',
    mutate: ['src/vault-secrets/secrets-spec.ts'],
    tests: ['test/vault-secrets/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'oci/digest',
    mutate: ['src/oci/digest.ts'],
    tests: ['test/oci/*.test.ts', 'test/promote/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'oci/reference',
    mutate: ['src/oci/reference.ts'],
    tests: ['test/oci/*.test.ts', 'test/promote/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'layer-cache/extract',
    mutate: ['src/layer-cache/extract.ts'],
    tests: ['test/layer-cache/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'net/redirects',
    // Redirect following (Authorization dropped off-origin, Content-* dropped when 303 makes a GET,
    // streamed bodies never resent) and what may appear in messages (safeUrl).
    mutate: [
      {
        file: 'src/net/http.ts',
        functions: ['REDIRECT_STATUS', 'HttpClient.request', 'redirected', 'sendsOnce', 'safeUrl'],
      },
    ],
    tests: ['test/net/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'quarantine/identity',
    mutate: ['src/quarantine/identity.ts'],
    tests: ['test/quarantine/*.test.ts'],
    threshold: 90,
  },
  {
    name: 'pins/set',
    mutate: ['src/pins/set.ts'],
    tests: ['test/pins/*.test.ts'],
    threshold: 90,
  },
];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportDir = join(root, 'reports/mutation');
const strykerBin = join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');

/** Options every module shares; `mutate` and the report names are added per module. */
function strykerOptions(concurrency) {
  return {
    $schema: '../../node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // The suite's config with `include` narrowed per module (see vitest.mutation.config.ts for why
    // not Stryker's `testFiles`).
    vitest: { configFile: 'vitest.mutation.config.ts' },
    coverageAnalysis: 'perTest',
    concurrency,
    // The registry, git and Vault tests start real services: give a slow, shared machine room.
    timeoutMS: 10_000,
    timeoutFactor: 2,
    // dist/ stays in the sandbox: a test file named in `tests` may also run a bundle.
    ignorePatterns: ['bench/.work', 'coverage', '.tmp', 'reports'],
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    clearTextReporter: { allowColor: false, allowEmojis: false, logTests: false, reportScoreTable: true },
    logLevel: 'warn',
  };
}

// ---------------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = {
    filters: [],
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
    list: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--list') args.list = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--concurrency') args.concurrency = Number(argv[++i]);
    else if (arg.startsWith('--concurrency=')) args.concurrency = Number(arg.slice('--concurrency='.length));
    else if (arg.startsWith('-')) fail(`unknown option ${arg}`);
    else args.filters.push(arg);
  }
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1)
    fail(`--concurrency: expected a whole number of workers from 1; got ${args.concurrency}`);
  return args;
}

function fail(message) {
  console.error(`mutation: ${message}`);
  process.exit(2);
}

/** Stryker mutate patterns: a whole file, or `file:start-end` line ranges, one per named function. */
function mutatePatterns(module) {
  return module.mutate.flatMap((entry) => {
    if (typeof entry === 'string') {
      if (!existsSync(join(root, entry))) fail(`${module.name}: ${entry} does not exist; update MODULES`);
      return [entry];
    }
    const ranges = functionRanges(entry.file);
    return entry.functions.map((name) => {
      const range = ranges.get(name);
      if (!range)
        fail(
          `${module.name}: ${entry.file} has no function or method ${name}; update MODULES in scripts/mutation.mjs`,
        );
      return `${entry.file}:${range.start}-${range.end}`;
    });
  });
}

/** Line ranges (1-based, inclusive) of top-level functions and of class methods as Class.method. */
function functionRanges(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const ranges = new Map();
  const lines = (node) => ({
    start: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    end: source.getLineAndCharacterOfPosition(node.getEnd()).line + 1,
  });
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name)
      ranges.set(statement.name.text, lines(statement));
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          ranges.set(declaration.name.text, lines(declaration));
    if (ts.isClassDeclaration(statement) && statement.name)
      for (const member of statement.members)
        if (member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)))
          ranges.set(`${statement.name.text}.${member.name.text}`, lines(member));
  }
  return ranges;
}

/** Relative import specifiers of a TypeScript file, resolved to files (`.js` written, `.ts` on disk). */
function importsOf(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const target = resolve(dirname(file), match[1]);
    for (const candidate of [
      target.replace(/\.js$/, '.ts'),
      target,
      `${target}.ts`,
      join(target, 'index.ts'),
    ])
      if (existsSync(candidate) && candidate.endsWith('.ts')) {
        found.push(candidate);
        break;
      }
  }
  return found;
}

/** Whether a test file's imports (through test helpers and src/) reach one of the target files. */
function reaches(testFile, targets, cache) {
  const seen = new Set();
  const stack = [testFile];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (targets.has(file)) return true;
    if (!cache.has(file)) cache.set(file, importsOf(file));
    stack.push(...cache.get(file));
  }
  return false;
}

/**
 * End-to-end files run the bundles in dist/ (through test/harness's runAction), not the mutated
 * source: they cannot kill a mutant and only lengthen the initial test run.
 */
function runsBundles(file) {
  return /(^|[/.])e2e\.test\.ts$/.test(file) || /\brunAction\(/.test(readFileSync(file, 'utf8'));
}

function testFiles(module, importCache) {
  const targets = new Set(
    module.mutate.map((entry) => join(root, typeof entry === 'string' ? entry : entry.file)),
  );
  const files = new Set();
  for (const pattern of module.tests) {
    const exact = !/[*?[{]/.test(pattern);
    for (const file of globSync(pattern, { cwd: root }).sort()) {
      if (!exact && runsBundles(join(root, file))) continue;
      if (reaches(join(root, file), targets, importCache)) files.add(file);
    }
  }
  if (files.size === 0) fail(`${module.name}: no test file in ${module.tests.join(', ')} reaches it`);
  return [...files];
}

/** Counts per Stryker status, from its JSON report (mutation-testing-report-schema). */
function countStatuses(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const counts = {};
  for (const file of Object.values(report.files))
    for (const mutant of file.mutants) counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  return counts;
}

function score(counts) {
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const covered = detected + (counts.Survived ?? 0);
  const valid = covered + (counts.NoCoverage ?? 0);
  return {
    mutants: valid,
    killed: counts.Killed ?? 0,
    timeout: counts.Timeout ?? 0,
    survived: counts.Survived ?? 0,
    noCoverage: counts.NoCoverage ?? 0,
    errors: (counts.RuntimeError ?? 0) + (counts.CompileError ?? 0),
    // No covered mutant means no test reaches the module: that fails, it does not pass.
    covered: covered === 0 ? 0 : (100 * detected) / covered,
    total: valid === 0 ? 0 : (100 * detected) / valid,
  };
}

function runModule(module, concurrency, importCache) {
  const slug = module.name.replace(/[^a-z0-9]+/gi, '-');
  const options = {
    ...strykerOptions(concurrency),
    mutate: mutatePatterns(module),
    htmlReporter: { fileName: `reports/mutation/${slug}.html` },
    jsonReporter: { fileName: `reports/mutation/${slug}.json` },
  };
  const configFile = join(reportDir, `${slug}.stryker.json`);
  writeFileSync(configFile, `${JSON.stringify(options, null, 2)}\n`);
  console.log(`\n=== ${module.name}: ${options.mutate.join(', ')}`);
  const tests = testFiles(module, importCache);
  console.log(`    tests: ${tests.join(', ')}`);
  const reportFile = join(root, options.jsonReporter.fileName);
  rmSync(reportFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [strykerBin, 'run', relative(root, configFile)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GANTRY_MUTATION_TESTS: JSON.stringify(tests) },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 || !existsSync(reportFile))
    return { module, seconds, error: `Stryker exited with ${run.status ?? run.signal}` };
  return { module, seconds, ...score(countStatuses(reportFile)) };
}

function printTable(results) {
  const header = ['module', 'mutants', 'killed', 'timeout', 'survived', 'no cov', 'errors', 'covered %'];
  const rows = results.map((r) =>
    r.error
      ? [r.module.name, '-', '-', '-', '-', '-', '-', `ERROR: ${r.error}`]
      : [
          r.module.name,
          r.mutants,
          r.killed,
          r.timeout,
          r.survived,
          r.noCoverage,
          r.errors,
          `${r.covered.toFixed(1)} (min ${r.module.threshold})${r.covered < r.module.threshold ? ' FAIL' : ''}`,
        ],
  );
  const extra = results.map((r) => [r.error ? '' : r.total.toFixed(1), `${r.seconds.toFixed(0)} s`]);
  const table = [[...header, 'total %', 'time'], ...rows.map((row, i) => [...row, ...extra[i]])].map((row) =>
    row.map(String),
  );
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  console.log('\nMutation scores (covered % = killed + timeout over mutants some test executes)\n');
  for (const row of table) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join('  '));
}

const args = parseArgs(process.argv.slice(2));
for (const module of MODULES)
  if (module.threshold < 90 && !module.why) fail(`${module.name}: a threshold below 90 needs a why`);
// A word that is a module's name selects that module; any other selects the names containing it.
const selected = args.filters.length
  ? MODULES.filter((m) =>
      args.filters.some((word) =>
        MODULES.some((other) => other.name === word) ? m.name === word : m.name.includes(word),
      ),
    )
  : MODULES;
if (selected.length === 0) fail(`no module matches ${args.filters.join(', ')}`);
const importCache = new Map();

if (args.list) {
  const listed = selected.map((module) => ({
    name: module.name,
    threshold: module.threshold,
    mutate: mutatePatterns(module),
    tests: testFiles(module, importCache),
  }));
  if (args.json) console.log(JSON.stringify(listed, null, 2));
  else
    for (const m of listed)
      console.log(
        `${m.name} (min ${m.threshold}%)\n  mutate: ${m.mutate.join(', ')}\n  tests:  ${m.tests.join(', ')}`,
      );
  process.exit(0);
}

mkdirSync(reportDir, { recursive: true });
const started = performance.now();
const results = selected.map((module) => runModule(module, args.concurrency, importCache));
printTable(results);
const wall = (performance.now() - started) / 1000;
console.log(`\nwall time ${wall.toFixed(0)} s, concurrency ${args.concurrency}`);
writeFileSync(
  join(reportDir, 'summary.json'),
  `${JSON.stringify(
    {
      wallSeconds: Math.round(wall),
      concurrency: args.concurrency,
      modules: results.map(({ module, ...r }) => ({ name: module.name, threshold: module.threshold, ...r })),
    },
    null,
    2,
  )}\n`,
);
const failed = results.filter((r) => r.error || r.covered < r.module.threshold);
for (const r of failed)
  console.error(
    `mutation: ${r.module.name} ${r.error ?? `scores ${r.covered.toFixed(1)}% of covered mutants, below its ${r.module.threshold}%`}`,
  );
process.exit(failed.length > 0 ? 1 : 0);
