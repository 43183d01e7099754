export const id = 749;
export const ids = [749];
export const modules = {

/***/ 749:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MIGRATE_USAGE: () => (/* binding */ MIGRATE_USAGE),
  migrateCommand: () => (/* binding */ migrateCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/metadata.ts
var metadata = __webpack_require__(5275);
// EXTERNAL MODULE: ./src/pins/audit.ts
var audit = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/pins/set.ts + 1 modules
var set = __webpack_require__(665);
// EXTERNAL MODULE: ./src/pins/repo-files.ts
var repo_files = __webpack_require__(4924);
// EXTERNAL MODULE: ./src/pins/yaml-refs.ts
var yaml_refs = __webpack_require__(3084);
;// CONCATENATED MODULE: ./src/migrate/diff.ts
/** A unified diff of two texts by lines (longest common subsequence), as `diff -u` prints it. */
const CONTEXT = 3;
function splitLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
function operations(a, b) {
    // Common prefix and suffix first: a migration changes a few lines of a long file.
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head &&
        tail < b.length - head &&
        a[a.length - 1 - tail] === b[b.length - 1 - tail])
        tail++;
    const midA = a.slice(head, a.length - tail);
    const midB = b.slice(head, b.length - tail);
    const n = midA.length;
    const m = midB.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
        for (let j = m - 1; j >= 0; j--)
            lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const ops = [];
    for (let i = 0; i < head; i++)
        ops.push({ kind: ' ', line: a[i], a: i, b: i });
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && midA[i] === midB[j]) {
            ops.push({ kind: ' ', line: midA[i], a: head + i, b: head + j });
            i++;
            j++;
        }
        else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.push({ kind: '-', line: midA[i], a: head + i, b: head + j });
            i++;
        }
        else {
            ops.push({ kind: '+', line: midB[j], a: head + i, b: head + j });
            j++;
        }
    }
    for (let k = 0; k < tail; k++)
        ops.push({ kind: ' ', line: a[a.length - tail + k], a: a.length - tail + k, b: b.length - tail + k });
    return ops;
}
function unifiedDiff(path, before, after) {
    if (before === after)
        return '';
    const ops = operations(splitLines(before), splitLines(after));
    const out = [`--- a/${path}`, `+++ b/${path}`];
    let k = 0;
    while (k < ops.length) {
        while (k < ops.length && ops[k].kind === ' ')
            k++;
        if (k >= ops.length)
            break;
        const start = Math.max(0, k - CONTEXT);
        let end = k;
        // Extend the hunk while changes are within 2*CONTEXT lines of each other.
        for (;;) {
            while (end < ops.length && ops[end].kind !== ' ')
                end++;
            let next = end;
            while (next < ops.length && ops[next].kind === ' ' && next - end < 2 * CONTEXT)
                next++;
            if (next < ops.length && ops[next].kind !== ' ' && next - end <= 2 * CONTEXT)
                end = next;
            else
                break;
        }
        const stop = Math.min(ops.length, end + CONTEXT);
        const hunk = ops.slice(start, stop);
        const aStart = hunk[0].a;
        const bStart = hunk[0].b;
        const aCount = hunk.filter((o) => o.kind !== '+').length;
        const bCount = hunk.filter((o) => o.kind !== '-').length;
        out.push(`@@ -${aCount ? aStart + 1 : aStart},${aCount} +${bCount ? bStart + 1 : bStart},${bCount} @@`);
        for (const op of hunk)
            out.push(`${op.kind}${op.line}`);
        k = stop;
    }
    return `${out.join('\n')}\n`;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/pins/uses.ts
var pins_uses = __webpack_require__(5754);
;// CONCATENATED MODULE: ./src/migrate/mappings.ts
/**
 * What `gantry migrate` knows about each action it replaces: which Gantry action takes its place,
 * how each of its inputs maps (same name, renamed, a value translated, dropped, or a reason the
 * step cannot be migrated safely), and which of its outputs have no Gantry counterpart.
 * Input values are what the workflow wrote: a string (or the scalar's text), or undefined.
 */
const EXPRESSION = /\$\{\{/;
const TRUE = /^true$/i;
const FALSE = /^false$/i;
function newPlan(target) {
    return { target, rename: [], remove: [], add: [], notes: [], blockers: [] };
}
/** A comma outside `{…}` braces: a list of globs the target would read as one glob. */
function commaList(value) {
    let depth = 0;
    for (const ch of value) {
        if (ch === '{')
            depth++;
        else if (ch === '}')
            depth = Math.max(0, depth - 1);
        else if (ch === ',' && depth === 0)
            return true;
    }
    return false;
}
/** true/false/undefined for a boolean input, or 'expression' when only the run can tell. */
function booleanInput(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    if (EXPRESSION.test(value))
        return 'expression';
    if (TRUE.test(value.trim()))
        return true;
    if (FALSE.test(value.trim()))
        return false;
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
const pathsFilter = {
    name: 'dorny/paths-filter',
    target: 'changes',
    outputs: '*',
    plan(inputs) {
        const plan = newPlan('changes');
        for (const name of inputs.keys()) {
            if (PATHS_FILTER_INPUTS.includes(name))
                continue;
            plan.remove.push(name);
            plan.notes.push(`input '${name}' is not an input of dorny/paths-filter; removed`);
        }
        return plan;
    },
};
// --------------------------------------------------------------------------- hashicorp/vault-action
/** vault-action's inputs and the Gantry name each stands for (vault-secrets accepts both). */
const VAULT_ACTION_INPUTS = {
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
const vaultAction = {
    name: 'hashicorp/vault-action',
    target: 'vault-secrets',
    outputs: '*',
    plan(inputs) {
        const plan = newPlan('vault-secrets');
        const method = inputs.get('method')?.trim();
        if (method && !EXPRESSION.test(method) && !VAULT_SECRETS_METHODS.includes(method))
            plan.blockers.push(`method '${method}' is not one vault-secrets supports (${VAULT_SECRETS_METHODS.join(', ')})`);
        else if (method && EXPRESSION.test(method))
            plan.notes.push(`method is an expression: vault-secrets supports ${VAULT_SECRETS_METHODS.join(', ')}`);
        const equivalents = [];
        for (const name of inputs.keys()) {
            if (!(name in VAULT_ACTION_INPUTS)) {
                plan.notes.push(`input '${name}' is not an input of hashicorp/vault-action: both actions ignore it`);
                continue;
            }
            const gantry = VAULT_ACTION_INPUTS[name];
            if (gantry && gantry !== name)
                equivalents.push(`${name} → ${gantry}`);
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
        plan.notes.push(`only uses: changes: vault-secrets reads this step in vault-action's names${defaults.length ? ` with vault-action's defaults (${defaults.join(', ')})` : ''}; its own safer defaults are export-env false (secrets as step outputs or in 'run' only), method jwt, and the audience of url's host${equivalents.length ? `; the Gantry names are ${equivalents.join(', ')}` : ''}`);
        return plan;
    },
};
// ------------------------------------------------------------------------------------ actions/cache
const CACHE_KEPT = ['path', 'key', 'restore-keys', 'fail-on-cache-miss', 'lookup-only'];
function cachePlan(target, kept, inputs, options) {
    const plan = newPlan(target);
    for (const name of inputs.keys()) {
        if (kept.includes(name))
            continue;
        if (name === 'cache-repository' || name === 'username' || name === 'password')
            continue;
        if (name === 'save-always') {
            const value = booleanInput(inputs.get(name));
            if (value === true || value === 'expression')
                plan.blockers.push('save-always: a post step cannot save after a failure; split the step into acme/gantry/actions/layer-cache/restore and acme/gantry/actions/layer-cache/save with if: always() (gantry migrate does not split steps)');
            else
                plan.remove.push(name);
            continue;
        }
        plan.remove.push(name);
        if (name === 'upload-chunk-size')
            plan.notes.push("input 'upload-chunk-size' has no equivalent (layers are cut by content); removed");
        else if (name === 'enableCrossOsArchive')
            plan.notes.push("input 'enableCrossOsArchive' has no equivalent: layer-cache keys do not depend on the runner's OS (put runner.os in the key when caches must not cross); removed");
        else
            plan.notes.push(`input '${name}' is not an input of actions/cache; removed`);
    }
    const key = inputs.get('key') ?? '';
    if (!inputs.has('enableCrossOsArchive') && key && !/runner\.os/.test(key))
        plan.notes.push('the key does not name runner.os: actions/cache keeps Windows caches apart, layer-cache does not');
    if (!inputs.has('cache-repository')) {
        if (options.cacheRepository)
            plan.add.push({ name: 'cache-repository', value: options.cacheRepository });
        else
            plan.blockers.push('needs the registry repository that will hold the caches: run again with --cache-repository <registry>/<repository> (for example ghcr.io/<owner>/<repo>-cache)');
    }
    plan.notes.push("caches move to the registry: the first run is a miss (nothing is copied from GitHub's cache service); the job must be logged in to the registry (docker/login-action, or username and password inputs), and ghcr.io needs permissions: packages: write");
    return plan;
}
const cache = {
    name: 'actions/cache',
    target: 'layer-cache',
    outputs: ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
    plan: (inputs, options) => cachePlan('layer-cache', CACHE_KEPT, inputs, options),
};
const cacheRestore = {
    name: 'actions/cache/restore',
    target: 'layer-cache/restore',
    outputs: ['cache-hit', 'cache-primary-key', 'cache-matched-key'],
    plan: (inputs, options) => cachePlan('layer-cache/restore', CACHE_KEPT, inputs, options),
};
const cacheSave = {
    name: 'actions/cache/save',
    target: 'layer-cache/save',
    outputs: [],
    plan: (inputs, options) => cachePlan('layer-cache/save', ['path', 'key'], inputs, options),
};
// ------------------------------------------------------------------------ JUnit reports → quarantine
const QUARANTINE_NOTE = "quarantine fails the step when a test failed that .github/quarantine.yml does not quarantine (mode enforce), writes the job summary and annotations (no check run), and keeps per-test history in GitHub's cache (history: cache)";
function reportsInput(plan, from, value, fallback) {
    if (value === undefined) {
        if (fallback !== undefined) {
            plan.add.push({ name: 'reports', value: fallback });
            plan.notes.push(`'${from}' not given: its default '${fallback}' is written as 'reports'`);
        }
        else
            plan.blockers.push(`'${from}' is required`);
        return;
    }
    if (EXPRESSION.test(value))
        plan.notes.push(`'${from}' is an expression: quarantine reads one glob per line, not a comma-separated list`);
    else if (commaList(value))
        plan.blockers.push(`'${from}' is a comma-separated list; quarantine reads one glob per line: write them one per line first`);
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
const junitReport = {
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
            if (failOnFailure === false)
                plan.rename.push({ from: 'fail_on_failure', to: 'mode', value: 'report' });
            else
                plan.add.push({ name: 'mode', value: 'report' });
            plan.notes.push("mode 'report' keeps action-junit-report's default (fail_on_failure false: failed tests never fail the step); set mode: enforce to fail on failures that are not quarantined");
        }
        const requireTests = booleanInput(inputs.get('require_tests'));
        if (requireTests === 'expression')
            plan.blockers.push('require_tests is an expression: choose allow-empty');
        else if (requireTests === true)
            plan.rename.push({ from: 'require_tests', to: 'allow-empty', value: 'false' });
        else {
            if (requireTests === false)
                plan.rename.push({ from: 'require_tests', to: 'allow-empty', value: 'true' });
            else
                plan.add.push({ name: 'allow-empty', value: 'true' });
            plan.notes.push("allow-empty 'true' keeps action-junit-report's default (require_tests false); quarantine's own default fails when no report matched");
        }
        if (inputs.has('commit'))
            plan.blockers.push("'commit' reports on another run's commit (a workflow_run workflow); quarantine reports on the run it is in");
        if (booleanInput(inputs.get('require_passed_tests')) !== undefined &&
            booleanInput(inputs.get('require_passed_tests')) !== false)
            plan.blockers.push("'require_passed_tests' has no equivalent: quarantine would pass a run with no passed test");
        else if (inputs.has('require_passed_tests'))
            plan.remove.push('require_passed_tests');
        const dropped = [];
        for (const name of inputs.keys()) {
            if (['report_paths', 'fail_on_failure', 'require_tests', 'commit', 'require_passed_tests'].includes(name))
                continue;
            plan.remove.push(name);
            dropped.push(name);
        }
        if (dropped.length)
            plan.notes.push(`no equivalent, removed: ${dropped.map((n) => `'${n}'${JUNIT_REPORT_DROPPED.includes(n) ? '' : ' (not an input of action-junit-report)'}`).join(', ')}`);
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
const testReporter = {
    name: 'dorny/test-reporter',
    target: 'quarantine',
    outputs: ['passed', 'failed', 'skipped'],
    plan(inputs) {
        const plan = newPlan('quarantine');
        reportsInput(plan, 'path', inputs.get('path'), undefined);
        const reporter = inputs.get('reporter')?.trim();
        if (reporter === undefined)
            plan.blockers.push("'reporter' is required");
        else if (!JUNIT_REPORTERS.includes(reporter))
            plan.blockers.push(`reporter '${reporter}': quarantine reads JUnit XML only (${JUNIT_REPORTERS.join(', ')} reports)`);
        else
            plan.remove.push('reporter');
        if (inputs.has('artifact'))
            plan.blockers.push("'artifact' reads reports from another run's artifact (a workflow_run workflow); quarantine reads files in this job's workspace: download them first (actions/download-artifact) and give their path");
        if (inputs.has('working-directory'))
            plan.blockers.push("'working-directory' has no equivalent: quarantine's reports are relative to the workspace; prefix the path");
        const failOnError = booleanInput(inputs.get('fail-on-error'));
        if (failOnError === 'expression')
            plan.blockers.push("fail-on-error is an expression: choose quarantine's mode");
        else if (failOnError === false)
            plan.rename.push({ from: 'fail-on-error', to: 'mode', value: 'report' });
        else if (failOnError === true)
            plan.rename.push({ from: 'fail-on-error', to: 'mode', value: 'enforce' });
        const failOnEmpty = booleanInput(inputs.get('fail-on-empty'));
        if (failOnEmpty === 'expression')
            plan.blockers.push('fail-on-empty is an expression: choose allow-empty');
        else if (failOnEmpty === false)
            plan.rename.push({ from: 'fail-on-empty', to: 'allow-empty', value: 'true' });
        else if (failOnEmpty === true)
            plan.rename.push({ from: 'fail-on-empty', to: 'allow-empty', value: 'false' });
        const dropped = [];
        for (const name of inputs.keys()) {
            if (['path', 'reporter', 'artifact', 'working-directory', 'fail-on-error', 'fail-on-empty'].includes(name))
                continue;
            plan.remove.push(name);
            dropped.push(name);
        }
        if (dropped.length)
            plan.notes.push(`no equivalent, removed: ${dropped.map((n) => `'${n}'${TEST_REPORTER_DROPPED.includes(n) ? '' : ' (not an input of test-reporter)'}`).join(', ')}`);
        plan.notes.push(QUARANTINE_NOTE);
        return plan;
    },
};
const SOURCES = [
    pathsFilter,
    vaultAction,
    cache,
    cacheRestore,
    cacheSave,
    junitReport,
    testReporter,
];
/** The source action a `uses:` name (owner/repo[/path]) refers to. */
function sourceFor(name) {
    const lower = name.toLowerCase();
    return SOURCES.find((s) => s.name === lower);
}

;// CONCATENATED MODULE: ./src/migrate/rewrite.ts
/**
 * Rewrites the steps of one workflow or action.yml that use an action `gantry migrate` replaces,
 * editing only the bytes of what changes: the `uses:` value and its version comment (the way
 * `gantry pins set` does), renamed input keys, replaced values, removed input lines and added ones.
 * The result is parsed again and must equal the original document with exactly those changes.
 */






function findSteps(doc, role, textLength) {
    const found = [];
    const collect = (seq, path, where, scope) => {
        if (!(0,dist/* isSeq */.oP)(seq))
            return;
        seq.items.forEach((step, index) => {
            if ((0,dist/* isMap */.jh)(step) && step.has('uses'))
                found.push({ map: step, path: [...path, index], where: `${where}[${index + 1}]`, scope });
        });
    };
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        return found;
    if (role === 'workflow') {
        const jobs = root.get('jobs', true);
        if (!(0,dist/* isMap */.jh)(jobs))
            return found;
        for (const job of jobs.items) {
            if (!(0,dist/* isMap */.jh)(job.value) || !(0,dist/* isScalar */.jn)(job.key))
                continue;
            const id = String(job.key.value);
            const range = job.value.range ?? [0, textLength];
            collect(job.value.get('steps', true), ['jobs', id, 'steps'], `jobs.${id}.steps`, [range[0], range[1]]);
        }
    }
    else {
        const runs = root.get('runs', true);
        if ((0,dist/* isMap */.jh)(runs))
            collect(runs.get('steps', true), ['runs', 'steps'], 'runs.steps', [0, textLength]);
    }
    return found;
}
/** Outputs of step `id` read in `text`: steps.id.outputs.name and steps.id.outputs['name']. */
function referencedOutputs(text, id) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = new Set();
    const pattern = new RegExp(`\\bsteps\\.${escaped}\\.outputs(?:\\.([A-Za-z_][\\w-]*)|\\[\\s*'([^']*)'\\s*\\]|\\[\\s*"([^"]*)"\\s*\\])`, 'g');
    for (const m of text.matchAll(pattern))
        names.add((m[1] ?? m[2] ?? m[3]));
    return [...names];
}
const lineStart = (text, pos) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text, pos) => {
    const at = text.indexOf('\n', pos);
    return at === -1 ? text.length : at + 1;
};
/** The written form of a value: single-quoted, so no YAML reading can change it. */
function quoted(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/** [start, end) of a block-map pair's lines (key line through its value's last line). */
function pairLines(text, pair) {
    const key = pair.key;
    if (!key.range)
        return undefined;
    const start = lineStart(text, key.range[0]);
    if (text.slice(start, key.range[0]).trim() !== '')
        return undefined; // not alone on its line
    const value = pair.value;
    const valueEnd = value?.range ? value.range[1] : key.range[1];
    const end = valueEnd > 0 && text[valueEnd - 1] === '\n' ? valueEnd : lineEnd(text, valueEnd);
    return [start, end];
}
function scalarText(node) {
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    if (node.value === null || node.value === undefined)
        return undefined;
    return String(node.value);
}
/**
 * Plans and applies the migration of each matching step. Steps that cannot be migrated safely are
 * left as they are and reported with their reasons.
 */
function migrateText(text, file, role, target, options) {
    const scanned = (0,yaml_refs/* scanYaml */.v)(text, file, role);
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, uniqueKeys: true });
    const located = new Map(scanned.uses.map((u) => [u.range[0], u]));
    const edits = [];
    const steps = [];
    const expected = scanned.doc.toJS();
    for (const step of findSteps(doc, role, text.length)) {
        const usesNode = step.map.get('uses', true);
        if (!(0,dist/* isScalar */.jn)(usesNode) || typeof usesNode.value !== 'string' || !usesNode.range)
            continue;
        const ref = (0,pins_uses/* parseUses */.Ap)(usesNode.value);
        if (ref.kind === 'invalid' || ref.kind === 'local' || ref.kind.startsWith('docker'))
            continue;
        const source = sourceFor(ref.name);
        if (!source)
            continue;
        const uses = located.get(usesNode.range[0]);
        const line = lines.linePos(usesNode.range[0]).line;
        const report = {
            file,
            where: step.where,
            line,
            from: usesNode.value,
            migrated: false,
            notes: [],
            blockers: [],
        };
        steps.push(report);
        const stepEdits = planStep(text, step, source, options, report, target, uses);
        if (report.blockers.length || !stepEdits)
            continue;
        edits.push(...stepEdits.edits);
        applyExpected(expected, step.path, stepEdits.plan, stepEdits.to);
        report.to = stepEdits.to;
        report.migrated = true;
    }
    if (!edits.length)
        return { text, steps };
    let next = text;
    for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
        next = next.slice(0, edit.start) + edit.text + next.slice(edit.end);
    const fresh = (0,yaml_refs/* scanYaml */.v)(next, file, role).doc.toJS();
    if (!(0,external_node_util_.isDeepStrictEqual)(fresh, expected))
        throw new Error(`internal error: migrating ${file} would change more than the migrated steps; nothing was written`);
    return { text: next, steps };
}
function planStep(text, step, source, options, report, target, uses) {
    const withNode = step.map.get('with', true);
    // Lines added keep the file's line endings.
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const inputs = new Map();
    const pairs = new Map();
    if (withNode !== undefined && withNode !== null && !(0,dist/* isMap */.jh)(withNode)) {
        report.blockers.push('with: is not a mapping');
        return undefined;
    }
    if ((0,dist/* isMap */.jh)(withNode))
        for (const pair of withNode.items) {
            if (!(0,dist/* isScalar */.jn)(pair.key))
                continue;
            const name = String(pair.key.value);
            pairs.set(name, pair);
            inputs.set(name, (0,dist/* isScalar */.jn)(pair.value) ? scalarText(pair.value) : pair.value ? '' : undefined);
        }
    const plan = source.plan(inputs, options);
    report.notes.push(...plan.notes);
    report.blockers.push(...plan.blockers);
    // Outputs the workflow reads that the Gantry action does not set.
    const id = scalarText(step.map.get('id', true));
    if (id && source.outputs !== '*') {
        const known = source.outputs;
        for (const output of referencedOutputs(text.slice(step.scope[0], step.scope[1]), id))
            if (!known.includes(output))
                report.blockers.push(`steps.${id}.outputs.${output} is read, but ${plan.target} has no output '${output}'`);
    }
    if (report.blockers.length)
        return undefined;
    const to = `${target.suite}/actions/${plan.target}@${target.sha ?? target.version}`;
    const edits = [];
    // uses: exactly as `pins set` rewrites a suite reference.
    const usesNode = step.map.get('uses', true);
    const [start, end] = [usesNode.range[0], usesNode.range[1]];
    const isQuoted = (0,dist/* isScalar */.jn)(usesNode) && (usesNode.type === 'QUOTE_DOUBLE' || usesNode.type === 'QUOTE_SINGLE');
    if ((0,dist/* isScalar */.jn)(usesNode) && usesNode.type !== 'PLAIN' && !isQuoted) {
        report.blockers.push('uses: is a block scalar; write it on one line');
        return undefined;
    }
    const inner = isQuoted ? [start + 1, end - 1] : [start, end];
    if (text.slice(inner[0], inner[1]) !== usesNode.value) {
        report.blockers.push('uses: contains escape sequences; write it without escapes');
        return undefined;
    }
    edits.push({ start: inner[0], end: inner[1], text: to });
    if (uses?.flow)
        report.notes.push(`uses: is inside a flow mapping, so no # ${target.version} comment was added`);
    else if (uses) {
        // The source's version comment (# v4.2.0) would now lie: it becomes the suite's version.
        const comment = (0,set/* versionComment */.o7)(uses, end, { ...target, sha: target.sha ?? undefined });
        if (comment)
            edits.push(comment);
    }
    const needsWithEdits = plan.rename.length + plan.remove.length + plan.add.length > 0;
    if (needsWithEdits && (0,dist/* isMap */.jh)(withNode) && withNode.flow) {
        report.blockers.push('with: is written as a flow mapping ({…}); write it as a block to migrate its inputs');
        return undefined;
    }
    for (const { from, to: name, value } of plan.rename) {
        const pair = pairs.get(from);
        const key = pair.key;
        edits.push({ start: key.range[0], end: key.range[1], text: name });
        if (value !== undefined) {
            const node = pair.value;
            if (node?.range)
                edits.push({ start: node.range[0], end: node.range[1], text: quoted(value) });
            else
                edits.push({ start: key.range[1] + 1, end: key.range[1] + 1, text: ` ${quoted(value)}` });
        }
    }
    const removed = new Set(plan.remove);
    for (const name of removed) {
        const pair = pairs.get(name);
        if (!pair)
            continue;
        const span = pairLines(text, pair);
        if (!span) {
            report.blockers.push(`input '${name}' shares its line with other YAML; put it on its own line`);
            return undefined;
        }
        edits.push({ start: span[0], end: span[1], text: '' });
    }
    const remaining = [...pairs.keys()].filter((name) => !removed.has(name));
    if (plan.add.length) {
        if ((0,dist/* isMap */.jh)(withNode) && withNode.items.length) {
            const first = withNode.items[0].key;
            const indent = first.range[0] - lineStart(text, first.range[0]);
            const last = withNode.items[withNode.items.length - 1];
            const span = pairLines(text, last);
            if (!span) {
                report.blockers.push('the last input of with: shares its line with other YAML');
                return undefined;
            }
            const newline = text.slice(span[1] - 1, span[1]) === '\n' ? '' : eol;
            edits.push({
                start: span[1],
                end: span[1],
                text: newline + plan.add.map((a) => `${' '.repeat(indent)}${a.name}: ${quoted(a.value)}${eol}`).join(''),
            });
        }
        else if (withNode === undefined || withNode === null) {
            const usesKey = step.map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'uses').key;
            const indent = usesKey.range[0] - lineStart(text, usesKey.range[0]);
            if (uses?.flow || step.map.flow) {
                report.blockers.push('the step is written as a flow mapping; write it as a block to add inputs');
                return undefined;
            }
            const at = lineEnd(text, end);
            const newline = text.slice(at - 1, at) === '\n' ? '' : eol;
            edits.push({
                start: at,
                end: at,
                text: `${newline}${' '.repeat(indent)}with:${eol}${plan.add
                    .map((a) => `${' '.repeat(indent + 2)}${a.name}: ${quoted(a.value)}${eol}`)
                    .join('')}`,
            });
        }
        else {
            report.blockers.push('with: is empty; remove it or give it an input');
            return undefined;
        }
    }
    else if ((0,dist/* isMap */.jh)(withNode) && remaining.length === 0 && withNode.items.length > 0) {
        // Every input went: drop `with:` too (an empty with: is null, which GitHub refuses).
        const withPair = step.map.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && p.key.value === 'with');
        const key = withPair.key;
        const start = lineStart(text, key.range[0]);
        if (text.slice(start, key.range[0]).trim() !== '') {
            report.blockers.push('with: shares its line with other YAML');
            return undefined;
        }
        edits.push({ start, end: lineEnd(text, key.range[1]), text: '' });
    }
    return { edits, plan, to };
}
/** The document as it must read after the step's migration, for the verification. */
function applyExpected(expected, path, plan, to) {
    let node = expected;
    for (const key of path)
        node = node[key];
    const step = node;
    step.uses = to;
    const withMap = { ...(step.with ?? {}) };
    for (const { from, to: name, value } of plan.rename) {
        const old = withMap[from];
        delete withMap[from];
        withMap[name] = value ?? old;
    }
    for (const name of plan.remove)
        delete withMap[name];
    for (const { name, value } of plan.add)
        withMap[name] = value;
    if (Object.keys(withMap).length)
        step.with = withMap;
    else
        delete step.with;
}

;// CONCATENATED MODULE: ./src/migrate/migrate.ts
/**
 * `gantry migrate`: every workflow and action.yml of a repository, each step that uses an action
 * Gantry replaces rewritten in memory and verified; written only with `write`, each file atomically.
 */







async function migrateRepository(dir, target, options) {
    const { root, files } = await (0,repo_files.listRepoFiles)(dir, options.env);
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const result = { root, steps: [], diffs: [], written: [], blocked: 0 };
    const pending = [];
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const role = (0,yaml_refs/* yamlRole */.m)(file.path);
        if (!role)
            continue;
        (0,set/* insideRepository */.rz)(realRoot, file.abs, file.path);
        let text;
        try {
            text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode((0,external_node_fs_.readFileSync)(file.abs));
        }
        catch {
            throw new errors/* ConfigurationError */.j1(`${file.path}: not UTF-8 text; GitHub reads workflows as UTF-8. Nothing was rewritten.`);
        }
        const migrated = migrateText(text, file.path, role, target, options);
        result.steps.push(...migrated.steps);
        if (migrated.text === text)
            continue;
        if ((0,external_node_fs_.lstatSync)(file.abs).isSymbolicLink())
            throw new errors/* ConfigurationError */.j1(`${file.path} is a symbolic link: migrate the file it points to instead. Nothing was rewritten.`);
        result.diffs.push(unifiedDiff(file.path, text, migrated.text));
        pending.push({ abs: file.abs, path: file.path, text: migrated.text });
    }
    result.blocked = result.steps.filter((s) => !s.migrated).length;
    if (options.write)
        for (const file of pending) {
            (0,set/* writeFileAtomic */.Zf)((0,set/* insideRepository */.rz)(realRoot, file.abs, file.path), file.text);
            result.written.push(file.path);
        }
    return result;
}
/** The report printed after the diff: per step, what it became and what changes in behaviour. */
function migrateReport(result, write) {
    const lines = [];
    if (!result.steps.length)
        return 'No step uses an action gantry migrate replaces.\n';
    for (const step of result.steps) {
        lines.push(step.migrated
            ? `${step.file}:${step.line} ${step.where}: ${step.from} -> ${step.to}`
            : `${step.file}:${step.line} ${step.where}: ${step.from}: NOT MIGRATED`);
        for (const blocker of step.blockers)
            lines.push(`  ✗ ${blocker}`);
        for (const note of step.notes)
            lines.push(`  - ${note}`);
    }
    const migrated = result.steps.length - result.blocked;
    lines.push('', `${migrated} of ${result.steps.length} steps migrated${write ? ` (${result.written.length} files written)` : ' (dry run: nothing written; --write writes)'}${result.blocked ? `; ${result.blocked} cannot be migrated safely (✗ says why; they are left as they are)` : ''}.`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/migrate/cli.ts







const MIGRATE_USAGE = `Usage:
  gantry migrate [--write] [--cache-repository <registry>/<repository>] [--version vX.Y.Z]
                 [--sha SHA | --tag-only] [--suite owner/repo] [--suite-remote URL] [dir]
      Rewrites the steps of a repository's workflows and action.yml files that use
      dorny/paths-filter, hashicorp/vault-action, actions/cache (and cache/restore, cache/save),
      mikepenz/action-junit-report or dorny/test-reporter to Gantry's actions at a pinned version
      (owner/repo/actions/<name>@SHA # vX.Y.Z; the version defaults to this gantry's own), keeping
      every other byte. Dry run by default: a unified diff, then per step what changes in behaviour.
      actions/cache steps need --cache-repository (the registry repository that will hold the caches).
Exit codes: 0 every step migrated, 1 a step cannot be migrated safely (left as it is), 2 usage error.
`;
const processIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};
const VALUED = ['cache-repository', 'version', 'sha', 'suite', 'suite-remote'];
const SWITCHES = ['write', 'tag-only', 'help'];
/** `gantry migrate …`. */
async function migrateCommand(args, io = processIo) {
    try {
        const flags = new Map();
        const positional = [];
        for (let i = 0; i < args.length; i++) {
            const arg = args[i];
            if (!arg.startsWith('--') || arg === '--') {
                if (arg === '--')
                    positional.push(...args.slice(i + 1));
                else
                    positional.push(arg);
                if (arg === '--')
                    break;
                continue;
            }
            const eq = arg.indexOf('=');
            const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
            if (flags.has(name))
                throw new errors/* ConfigurationError */.j1(`--${name} was given twice; give it once.`);
            if (SWITCHES.includes(name)) {
                if (eq !== -1)
                    throw new errors/* ConfigurationError */.j1(`--${name} takes no value.`);
                flags.set(name, 'true');
            }
            else if (VALUED.includes(name)) {
                const value = eq !== -1 ? arg.slice(eq + 1) : args[i + 1]?.startsWith('--') ? undefined : args[++i];
                if (value === undefined || value === '')
                    throw new errors/* ConfigurationError */.j1(`--${name} needs a value.`);
                flags.set(name, value);
            }
            else
                throw new errors/* ConfigurationError */.j1(`unknown option --${name}.\n\n${MIGRATE_USAGE}`);
        }
        if (flags.has('help')) {
            io.stdout(MIGRATE_USAGE);
            return 0;
        }
        if (positional.length > 1)
            throw new errors/* ConfigurationError */.j1(`migrate takes at most one directory; got ${positional.length}.`);
        if (flags.has('sha') && flags.has('tag-only'))
            throw new errors/* ConfigurationError */.j1('give either --sha or --tag-only, not both.');
        const cacheRepository = flags.get('cache-repository');
        if (cacheRepository !== undefined)
            checkCacheRepository(cacheRepository);
        let target = (0,set/* validateTarget */.ME)({
            suite: flags.get('suite') ?? audit/* DEFAULT_SUITE */.T,
            version: flags.get('version') ?? ownVersion(),
            sha: flags.get('sha'),
        });
        const dir = positional[0] ?? '.';
        if (!target.sha && !flags.has('tag-only')) {
            const { listRepoFiles } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4924));
            const { root } = await listRepoFiles(dir, io.env);
            target = {
                ...target,
                sha: await (0,set/* resolveTag */.fn)(root, target, { remote: flags.get('suite-remote'), env: io.env }),
            };
        }
        const write = flags.has('write');
        const result = await migrateRepository(dir, target, { cacheRepository, write, env: io.env });
        if (result.diffs.length)
            io.stdout(result.diffs.join(''));
        io.stdout(`${result.diffs.length ? '\n' : ''}${migrateReport(result, write)}`);
        return result.blocked ? 1 : 0;
    }
    catch (error) {
        if (!(0,errors/* isConfigurationError */.p0)(error))
            throw error;
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}
/** A registry repository (an expression such as ${{ github.repository }} allowed), no tag or digest. */
function checkCacheRepository(value) {
    const plain = value.replace(/\$\{\{[^}]*\}\}/g, 'x');
    if (!/^[a-z0-9.-]+(?::\d+)?\/[A-Za-z0-9._/-]+$/.test(plain) ||
        /[@:]/.test(plain.split('/').slice(1).join('/')))
        throw errors/* ConfigurationError */.j1.forInput('--cache-repository', value, 'a registry repository without tag, such as ghcr.io/acme/app-cache or ghcr.io/<owner>/<repo>-cache (GitHub expressions allowed)');
}
function ownVersion() {
    const pkg = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)((0,metadata/* findSuiteRoot */.AI)(), 'package.json'), 'utf8'));
    return `v${pkg.version}`;
}


/***/ })

};
