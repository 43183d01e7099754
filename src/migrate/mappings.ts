/**
 * What `gantry migrate` knows about each action it replaces: which Gantry action takes its place,
 * how each of its inputs maps (same name, renamed, a value translated, dropped, or a reason the
 * step cannot be migrated safely), and which of its outputs have no Gantry counterpart.
 * Input values are what the workflow wrote: a string (or the scalar's text), or undefined.
 */

export type Target =
  | 'changes'
  | 'vault-secrets'
  | 'layer-cache'
  | 'layer-cache/restore'
  | 'layer-cache/save'
  | 'quarantine';

/** The edits of one step's `with:` and what the user must know. */
export interface StepPlan {
  target: Target;
  /** Input renamed (from → to), with its value kept or replaced (`value`). */
  rename: { from: string; to: string; value?: string }[];
  /** Inputs removed from `with:`. */
  remove: string[];
  /** Inputs added to `with:` (in order). */
  add: { name: string; value: string }[];
  /** Behaviour that changes, inputs with no equivalent, defaults that differ. */
  notes: string[];
  /** Why the step cannot be migrated safely: the step is left as it is. */
  blockers: string[];
}

export interface MigrateOptions {
  /** The registry repository for actions/cache steps (`--cache-repository`). */
  cacheRepository?: string;
}

export interface SourceAction {
  /** owner/repo[/path], lower-case, as in `uses:`. */
  name: string;
  target: Target;
  /** Outputs of the source action that the target has too (or '*' for names the user chooses). */
  outputs: string[] | '*';
  plan(inputs: Map<string, string | undefined>, options: MigrateOptions): StepPlan;
}

const EXPRESSION = /\$\{\{/;
const TRUE = /^true$/i;
const FALSE = /^false$/i;

function newPlan(target: Target): StepPlan {
  return { target, rename: [], remove: [], add: [], notes: [], blockers: [] };
}

/** A comma outside `{…}` braces: a list of globs the target would read as one glob. */
function commaList(value: string): boolean {
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) return true;
  }
  return false;
}

/** true/false/undefined for a boolean input, or 'expression' when only the run can tell. */
function booleanInput(value: string | undefined): boolean | undefined | 'expression' {
  if (value === undefined || value.trim() === '') return undefined;
  if (EXPRESSION.test(value)) return 'expression';
  if (TRUE.test(value.trim())) return true;
  if (FALSE.test(value.trim())) return false;
  return 'expression';
}

// ------------------------------------------------------------------------------ dorny/paths-filter

const PATHS_FILTER_INPUTS = [
  'token',
  'working-directory',
  'ref',
  'base',
  'filters',
  'list-files',
  'initial-fetch-depth',
  'predicate-quantifier',
];

const pathsFilter: SourceAction = {
  name: 'dorny/paths-filter',
  target: 'changes',
  outputs: '*',
  plan(inputs) {
    const plan = newPlan('changes');
    for (const name of inputs.keys()) {
      if (PATHS_FILTER_INPUTS.includes(name)) continue;
      plan.remove.push(name);
      plan.notes.push(`input '${name}' is not an input of dorny/paths-filter; removed`);
    }
    return plan;
  },
};

// --------------------------------------------------------------------------- hashicorp/vault-action

/** vault-action's inputs and the Gantry name each stands for (vault-secrets accepts both). */
const VAULT_ACTION_INPUTS: Record<string, string | undefined> = {
  url: 'url',
  secrets: 'secrets',
  namespace: 'namespace',
  method: 'method',
  role: 'role',
  path: 'auth-path',
  token: 'token',
  roleId: 'role-id',
  secretId: 'secret-id',
  username: 'username',
  password: 'password',
  kubernetesTokenPath: 'kubernetes-token-path',
  jwtGithubAudience: 'jwt-audience',
  caCertificate: 'ca-certificate',
  clientCertificate: 'client-certificate',
  clientKey: 'client-key',
  tlsSkipVerify: 'tls-skip-verify',
  exportEnv: 'export-env',
  exportToken: 'export-token',
  ignoreNotFound: 'ignore-not-found',
  extraHeaders: undefined,
  secretEncodingType: undefined,
  githubToken: undefined,
  jwtPrivateKey: undefined,
  jwtKeyPassword: undefined,
  jwtTtl: undefined,
  authPayload: undefined,
  outputToken: undefined,
};
const VAULT_SECRETS_METHODS = ['token', 'approle', 'jwt', 'kubernetes', 'userpass'];

const vaultAction: SourceAction = {
  name: 'hashicorp/vault-action',
  target: 'vault-secrets',
  outputs: '*',
  plan(inputs) {
    const plan = newPlan('vault-secrets');
    const method = inputs.get('method')?.trim();
    if (method && !EXPRESSION.test(method) && !VAULT_SECRETS_METHODS.includes(method))
      plan.blockers.push(
        `method '${method}' is not one vault-secrets supports (${VAULT_SECRETS_METHODS.join(', ')})`,
      );
    else if (method && EXPRESSION.test(method))
      plan.notes.push(`method is an expression: vault-secrets supports ${VAULT_SECRETS_METHODS.join(', ')}`);
    const equivalents: string[] = [];
    for (const name of inputs.keys()) {
      if (!(name in VAULT_ACTION_INPUTS)) {
        plan.notes.push(`input '${name}' is not an input of hashicorp/vault-action: both actions ignore it`);
        continue;
      }
      const gantry = VAULT_ACTION_INPUTS[name];
      if (gantry && gantry !== name) equivalents.push(`${name} → ${gantry}`);
    }
    // vault-action's defaults apply to a step written in its names, so env.X references keep working.
    const exportEnv = booleanInput(inputs.get('exportEnv'));
    const defaults = [
      exportEnv === false
        ? undefined
        : 'exportEnv true (every secret in the environment of every later step)',
      method ? undefined : "method 'token'",
      method === 'jwt' && !inputs.has('jwtGithubAudience') ? "GitHub's default JWT audience" : undefined,
    ].filter(Boolean);
    plan.notes.push(
      `only uses: changes: vault-secrets reads this step in vault-action's names${defaults.length ? ` with vault-action's defaults (${defaults.join(', ')})` : ''}; its own safer defaults are export-env false (secrets as step outputs or in 'run' only), method jwt, and the audience of url's host${
        equivalents.length ? `; the Gantry names are ${equivalents.join(', ')}` : ''
      }`,
    );
    return plan;
  },
};

// ------------------------------------------------------------------------------------ actions/cache

const CACHE_KEPT = ['path', 'key', 'restore-keys', 'fail-on-cache-miss', 'lookup-only'];

function cachePlan(
  target: 'layer-cache' | 'layer-cache/restore' | 'layer-cache/save',
  kept: string[],
  inputs: Map<string, string | undefined>,
  options: MigrateOptions,
): StepPlan {
  const plan = newPlan(target);
  for (const name of inputs.keys()) {
    if (kept.includes(name)) continue;
    if (name === 'cache-repository' || name === 'username' || name === 'password') continue;
    if (name === 'save-always') {
      const value = booleanInput(inputs.get(name));
      if (value === true || value === 'expression')
        plan.blockers.push(
          'save-always: a post step cannot save after a failure; split the step into acme/gantry/actions/layer-cache/restore and acme/gantry/actions/layer-cache/save with if: always() (gantry migrate does not split steps)',
        );
      else plan.remove.push(name);
      continue;
    }
    plan.remove.push(name);
    if (name === 'upload-chunk-size')
      plan.notes.push("input 'upload-chunk-size' has no equivalent (layers are cut by content); removed");
    else if (name === 'enableCrossOsArchive')
      plan.notes.push(
        "input 'enableCrossOsArchive' has no equivalent: layer-cache keys do not depend on the runner's OS (put runner.os in the key when caches must not cross); removed",
      );
    else plan.notes.push(`input '${name}' is not an input of actions/cache; removed`);
  }
  const key = inputs.get('key') ?? '';
  if (!inputs.has('enableCrossOsArchive') && key && !/runner\.os/.test(key))
    plan.notes.push(
      'the key does not name runner.os: actions/cache keeps Windows caches apart, layer-cache does not',
    );
  if (!inputs.has('cache-repository')) {
    if (options.cacheRepository) plan.add.push({ name: 'cache-repository', value: options.cacheRepository });
    else
      plan.blockers.push(
        'needs the registry repository that will hold the caches: run again with --cache-repository <registry>/<repository> (for example ghcr.io/<owner>/<repo>-cache)',
      );
  }
  plan.notes.push(
    "caches move to the registry: the first run is a miss (nothing is copied from GitHub's cache service); the job must be logged in to the registry (docker/login-action, or username and password inputs), and ghcr.io needs permissions: packages: write",
  );
  return plan;
}

const cache: SourceAction = {
  name: 'actions/cache',
  target: 'layer-cache',
  outputs: ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
  plan: (inputs, options) => cachePlan('layer-cache', CACHE_KEPT, inputs, options),
};
const cacheRestore: SourceAction = {
  name: 'actions/cache/restore',
  target: 'layer-cache/restore',
  outputs: ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
  plan: (inputs, options) => cachePlan('layer-cache/restore', CACHE_KEPT, inputs, options),
};
const cacheSave: SourceAction = {
  name: 'actions/cache/save',
  target: 'layer-cache/save',
  outputs: [],
  plan: (inputs, options) => cachePlan('layer-cache/save', ['path', 'key'], inputs, options),
};

// ------------------------------------------------------------------------ JUnit reports → quarantine

const QUARANTINE_NOTE =
  "quarantine fails the step when a test failed that .github/quarantine.yml does not quarantine (mode enforce), writes the job summary and annotations (no check run), and keeps per-test history in GitHub's cache (history: cache)";

function reportsInput(
  plan: StepPlan,
  from: string,
  value: string | undefined,
  fallback: string | undefined,
): void {
  if (value === undefined) {
    if (fallback !== undefined) {
      plan.add.push({ name: 'reports', value: fallback });
      plan.notes.push(`'${from}' not given: its default '${fallback}' is written as 'reports'`);
    } else plan.blockers.push(`'${from}' is required`);
    return;
  }
  if (EXPRESSION.test(value))
    plan.notes.push(
      `'${from}' is an expression: quarantine reads one glob per line, not a comma-separated list`,
    );
  else if (commaList(value))
    plan.blockers.push(
      `'${from}' is a comma-separated list; quarantine reads one glob per line: write them one per line first`,
    );
  plan.rename.push({ from, to: 'reports' });
}

const JUNIT_REPORT_DROPPED = [
  'token',
  'github_token',
  'check_name',
  'annotate_only',
  'update_check',
  'include_passed',
  'include_skipped',
  'check_title_template',
  'bread_crumb_delimiter',
  'summary',
  'check_annotations',
  'job_summary',
  'job_summary_text',
  'detailed_summary',
  'flaky_summary',
  'verbose_summary',
  'skip_success_summary',
  'include_empty_in_summary',
  'include_time_in_summary',
  'simplified_summary',
  'group_suite',
  'comment',
  'updateComment',
  'annotate_notice',
  'job_name',
  'annotations_limit',
  'truncate_stack_traces',
  'skip_annotations',
  'pr_id',
  'test_files_prefix',
  'exclude_sources',
  'suite_regex',
  'transformers',
  'follow_symlink',
  'check_retries',
  'fail_on_parse_error',
  'resolve_ignore_classname',
  'skip_comment_without_tests',
];

const junitReport: SourceAction = {
  name: 'mikepenz/action-junit-report',
  target: 'quarantine',
  outputs: ['total', 'passed', 'skipped', 'failed'],
  plan(inputs) {
    const plan = newPlan('quarantine');
    reportsInput(plan, 'report_paths', inputs.get('report_paths'), '**/junit-reports/TEST-*.xml');
    // Its default never fails the step on test failures; quarantine's does.
    const failOnFailure = booleanInput(inputs.get('fail_on_failure'));
    if (failOnFailure === 'expression')
      plan.blockers.push("fail_on_failure is an expression: choose quarantine's mode (enforce or report)");
    else if (failOnFailure === true)
      plan.rename.push({ from: 'fail_on_failure', to: 'mode', value: 'enforce' });
    else {
      if (failOnFailure === false) plan.rename.push({ from: 'fail_on_failure', to: 'mode', value: 'report' });
      else plan.add.push({ name: 'mode', value: 'report' });
      plan.notes.push(
        "mode 'report' keeps action-junit-report's default (fail_on_failure false: failed tests never fail the step); set mode: enforce to fail on failures that are not quarantined",
      );
    }
    const requireTests = booleanInput(inputs.get('require_tests'));
    if (requireTests === 'expression')
      plan.blockers.push('require_tests is an expression: choose allow-empty');
    else if (requireTests === true)
      plan.rename.push({ from: 'require_tests', to: 'allow-empty', value: 'false' });
    else {
      if (requireTests === false)
        plan.rename.push({ from: 'require_tests', to: 'allow-empty', value: 'true' });
      else plan.add.push({ name: 'allow-empty', value: 'true' });
      plan.notes.push(
        "allow-empty 'true' keeps action-junit-report's default (require_tests false); quarantine's own default fails when no report matched",
      );
    }
    if (inputs.has('commit'))
      plan.blockers.push(
        "'commit' reports on another run's commit (a workflow_run workflow); quarantine reports on the run it is in",
      );
    if (
      booleanInput(inputs.get('require_passed_tests')) !== undefined &&
      booleanInput(inputs.get('require_passed_tests')) !== false
    )
      plan.blockers.push(
        "'require_passed_tests' has no equivalent: quarantine would pass a run with no passed test",
      );
    else if (inputs.has('require_passed_tests')) plan.remove.push('require_passed_tests');
    const dropped: string[] = [];
    for (const name of inputs.keys()) {
      if (
        ['report_paths', 'fail_on_failure', 'require_tests', 'commit', 'require_passed_tests'].includes(name)
      )
        continue;
      plan.remove.push(name);
      dropped.push(name);
    }
    if (dropped.length)
      plan.notes.push(
        `no equivalent, removed: ${dropped.map((n) => `'${n}'${JUNIT_REPORT_DROPPED.includes(n) ? '' : ' (not an input of action-junit-report)'}`).join(', ')}`,
      );
    plan.notes.push(QUARANTINE_NOTE);
    return plan;
  },
};

const JUNIT_REPORTERS = ['java-junit', 'jest-junit'];
const TEST_REPORTER_DROPPED = [
  'name',
  'list-suites',
  'list-tests',
  'max-annotations',
  'only-summary',
  'use-actions-summary',
  'badge-title',
  'report-title',
  'collapsed',
  'token',
  'path-replace-backslashes',
];

const testReporter: SourceAction = {
  name: 'dorny/test-reporter',
  target: 'quarantine',
  outputs: ['passed', 'failed', 'skipped'],
  plan(inputs) {
    const plan = newPlan('quarantine');
    reportsInput(plan, 'path', inputs.get('path'), undefined);
    const reporter = inputs.get('reporter')?.trim();
    if (reporter === undefined) plan.blockers.push("'reporter' is required");
    else if (!JUNIT_REPORTERS.includes(reporter))
      plan.blockers.push(
        `reporter '${reporter}': quarantine reads JUnit XML only (${JUNIT_REPORTERS.join(', ')} reports)`,
      );
    else plan.remove.push('reporter');
    if (inputs.has('artifact'))
      plan.blockers.push(
        "'artifact' reads reports from another run's artifact (a workflow_run workflow); quarantine reads files in this job's workspace: download them first (actions/download-artifact) and give their path",
      );
    if (inputs.has('working-directory'))
      plan.blockers.push(
        "'working-directory' has no equivalent: quarantine's reports are relative to the workspace; prefix the path",
      );
    const failOnError = booleanInput(inputs.get('fail-on-error'));
    if (failOnError === 'expression')
      plan.blockers.push("fail-on-error is an expression: choose quarantine's mode");
    else if (failOnError === false) plan.rename.push({ from: 'fail-on-error', to: 'mode', value: 'report' });
    else if (failOnError === true) plan.rename.push({ from: 'fail-on-error', to: 'mode', value: 'enforce' });
    const failOnEmpty = booleanInput(inputs.get('fail-on-empty'));
    if (failOnEmpty === 'expression')
      plan.blockers.push('fail-on-empty is an expression: choose allow-empty');
    else if (failOnEmpty === false)
      plan.rename.push({ from: 'fail-on-empty', to: 'allow-empty', value: 'true' });
    else if (failOnEmpty === true)
      plan.rename.push({ from: 'fail-on-empty', to: 'allow-empty', value: 'false' });
    const dropped: string[] = [];
    for (const name of inputs.keys()) {
      if (
        ['path', 'reporter', 'artifact', 'working-directory', 'fail-on-error', 'fail-on-empty'].includes(name)
      )
        continue;
      plan.remove.push(name);
      dropped.push(name);
    }
    if (dropped.length)
      plan.notes.push(
        `no equivalent, removed: ${dropped.map((n) => `'${n}'${TEST_REPORTER_DROPPED.includes(n) ? '' : ' (not an input of test-reporter)'}`).join(', ')}`,
      );
    plan.notes.push(QUARANTINE_NOTE);
    return plan;
  },
};

export const SOURCES: SourceAction[] = [
  pathsFilter,
  vaultAction,
  cache,
  cacheRestore,
  cacheSave,
  junitReport,
  testReporter,
];

/** The source action a `uses:` name (owner/repo[/path]) refers to. */
export function sourceFor(name: string): SourceAction | undefined {
  const lower = name.toLowerCase();
  return SOURCES.find((s) => s.name === lower);
}
