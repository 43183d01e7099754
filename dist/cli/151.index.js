export const id = 151;
export const ids = [151];
export const modules = {

/***/ 7151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V_: () => (/* reexport */ runComposite),
  iU: () => (/* reexport */ runnerEnvironment)
});

// UNUSED EXPORTS: evaluateActionCondition, evaluateCondition, evaluateDefault, flattenSteps, inputEnvironment, interpolate, loadTemplate, parseCommand, parseKeyValueFile, runNodePhase, runProcessStep

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/runtime/metadata.ts
var runtime_metadata = __webpack_require__(5275);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/local-runner/expressions.ts + 30 modules
var expressions = __webpack_require__(7457);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/local-runner/commands.ts
/** `::name key=value,key=value::data`, with the runner's %-escapes. */
function parseCommand(line) {
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line.replace(/\r$/, '').trimStart());
    if (!match)
        return undefined;
    const properties = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    return { command: match[1], properties, value: unescapeData(match[3] ?? '') };
}
function unescapeData(s) {
    return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s) {
    return unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}
/**
 * GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE, read as the runner reads them: a line is `name=value`
 * or `name<<DELIM` … `DELIM`, whichever of the first `=` and the first `<<` comes first (so a name
 * holding `=` or `<<` is cut there, as on the runner).
 */
function parseKeyValueFile(text) {
    // No prototype: `__proto__` is a name like any other.
    const result = Object.create(null);
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line === '')
            continue;
        const eq = line.indexOf('=');
        const heredoc = line.indexOf('<<');
        if (heredoc >= 0 && (eq < 0 || heredoc < eq)) {
            const name = line.slice(0, heredoc);
            const delimiter = line.slice(heredoc + 2);
            if (name === '' || delimiter === '')
                throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
            const value = [];
            for (i++; i < lines.length && lines[i].replace(/\r$/, '') !== delimiter; i++)
                value.push(lines[i]);
            if (i >= lines.length)
                throw new Error(`unterminated heredoc for ${name} (delimiter ${delimiter})`);
            result[name] = value.join('\n');
            continue;
        }
        if (eq <= 0)
            throw new Error(`malformed file-command line: ${JSON.stringify(line)}`);
        result[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/local-runner/step.ts





async function runProcessStep(phase, spec, runnerTemp, 
/** Masks registered by earlier steps of the job; this step's masks are appended. */
masks) {
    const started = Date.now();
    const commandsDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(runnerTemp, `_runner_file_commands_${phase}_`));
    const files = {
        GITHUB_OUTPUT: (0,external_node_path_.join)(commandsDir, 'set_output'),
        GITHUB_ENV: (0,external_node_path_.join)(commandsDir, 'set_env'),
        GITHUB_STATE: (0,external_node_path_.join)(commandsDir, 'save_state'),
        GITHUB_PATH: (0,external_node_path_.join)(commandsDir, 'add_path'),
        GITHUB_STEP_SUMMARY: (0,external_node_path_.join)(commandsDir, 'step_summary'),
    };
    for (const file of Object.values(files))
        (0,external_node_fs_.writeFileSync)(file, '');
    const child = (0,external_node_child_process_.spawn)(spec.command, spec.args, {
        cwd: spec.cwd,
        env: { ...spec.env, ...files },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    const err = [];
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => err.push(c));
    const timer = setTimeout(() => child.kill('SIGKILL'), spec.timeoutMs);
    const exitCode = await new Promise((resolve) => {
        child.on('error', () => resolve(127));
        child.on('close', (code) => resolve(code ?? 137));
    });
    clearTimeout(timer);
    const stdout = Buffer.concat(out).toString('utf8');
    const stderr = Buffer.concat(err).toString('utf8');
    // The runner reads output line by line, and a line ends at CR as well as at LF.
    const lines = stdout.split(/\r\n|\r|\n/);
    const parsed = lines.map((line) => parseCommand(line));
    // A value printed before its ::add-mask:: reached the log unmasked: the runner masks only later lines.
    const registeredAt = new Map();
    parsed.forEach((command, index) => {
        if (command?.command === 'add-mask' && command.value !== '' && !registeredAt.has(command.value))
            registeredAt.set(command.value, index);
    });
    const leaks = new Set();
    lines.forEach((line, index) => {
        if (parsed[index]?.command === 'add-mask')
            return;
        for (const [mask, at] of registeredAt)
            if (index < at && line.includes(mask))
                leaks.add(mask);
    });
    const commands = [];
    const stepMasks = [];
    const logLines = [];
    lines.forEach((line, index) => {
        const command = parsed[index];
        if (!command) {
            logLines.push((0,runtime_text/* maskSecrets */.QU)(line, masks));
        }
        else {
            commands.push(command);
            if (command.command === 'add-mask' && command.value !== '') {
                masks.push(command.value);
                stepMasks.push(command.value);
            }
        }
    });
    // The runner masks stderr too, but a secret has no business there.
    for (const mask of masks)
        if (mask && stderr.includes(mask))
            leaks.add(mask);
    const annotations = commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command));
    return {
        phase,
        exitCode,
        stdout,
        stderr,
        log: logLines.join('\n'),
        outputs: parseKeyValueFile((0,external_node_fs_.readFileSync)(files.GITHUB_OUTPUT, 'utf8')),
        state: parseKeyValueFile((0,external_node_fs_.readFileSync)(files.GITHUB_STATE, 'utf8')),
        env: parseKeyValueFile((0,external_node_fs_.readFileSync)(files.GITHUB_ENV, 'utf8')),
        path: (0,external_node_fs_.readFileSync)(files.GITHUB_PATH, 'utf8').split('\n').filter(Boolean),
        summary: (0,external_node_fs_.readFileSync)(files.GITHUB_STEP_SUMMARY, 'utf8'),
        commands,
        annotations,
        masks: stepMasks,
        leaks: [...leaks],
        errors: annotations.filter((a) => a.command === 'error').map((a) => a.value),
        durationMs: Date.now() - started,
    };
}

;// CONCATENATED MODULE: ./src/local-runner/node-action.ts



/** INPUT_* for every declared input: given values, else the action.yml default. Unknown inputs are refused. */
function inputEnvironment(invocation) {
    const env = {};
    for (const name of Object.keys(invocation.inputs)) {
        if (!(name in invocation.metadata.inputs)) {
            throw new Error(`Unexpected input '${name}' for ${invocation.metadata.name || 'the action'}; valid inputs: ${Object.keys(invocation.metadata.inputs).join(', ')}`);
        }
    }
    for (const [name, spec] of Object.entries(invocation.metadata.inputs)) {
        env[(0,runtime_metadata/* inputEnvName */.d_)(name)] = invocation.inputs[name] ?? invocation.evaluateDefault(spec.default ?? '');
    }
    return env;
}
async function runNodePhase(phase, invocation, state) {
    const target = invocation.metadata.runs[phase];
    if (!target)
        throw new Error(`action has no runs.${phase}`);
    const env = {
        ...invocation.env,
        ...inputEnvironment(invocation),
        GITHUB_ACTION_PATH: invocation.actionDir,
    };
    for (const [key, value] of Object.entries(state))
        env[`STATE_${key}`] = value;
    return runProcessStep(phase, {
        command: process.execPath,
        args: [(0,external_node_path_.resolve)(invocation.actionDir, target)],
        env,
        cwd: invocation.workspace,
        timeoutMs: invocation.timeoutMs,
    }, invocation.runnerTemp, invocation.masks);
}

// EXTERNAL MODULE: ./src/local-runner/step-groups.ts
var step_groups = __webpack_require__(5205);
;// CONCATENATED MODULE: ./src/local-runner/composite.ts










function loadTemplate(dir) {
    const file = ['action.yml', 'action.yaml'].map((name) => (0,external_node_path_.join)(dir, name)).find((path) => (0,external_node_fs_.existsSync)(path));
    if (!file)
        throw new errors/* ConfigurationError */.j1(`No action.yml in ${dir}: give the directory of a composite template.`);
    const text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    const metadata = (0,runtime_metadata/* parseActionMetadata */.ju)(text, file);
    // A parallel group's steps run here one after the other, in the order written: each sees the
    // outputs and exports of the ones before it, a serialisation the real runner may also produce.
    const written = (0,dist/* parse */.qg)(text).runs?.steps;
    const steps = (0,step_groups/* flattenSteps */.g)(written, file).map(({ step }) => step);
    return { ...metadata, steps };
}
async function runComposite(options) {
    const job = {
        options,
        status: { failed: false, cancelled: false },
        env: { ...options.env },
        path: [],
        masks: [],
        reports: [],
        stubbed: new Set(),
        posts: [],
        exports: [],
    };
    const outputs = await runTemplate(job, (0,external_node_path_.resolve)(options.templateDir), options.inputs, '');
    // Post steps of the actions the template used run at the end of the job, last first.
    for (const post of job.posts.reverse())
        await post();
    return {
        ok: !job.status.failed,
        steps: job.reports,
        outputs,
        stubbed: [...job.stubbed],
        masks: job.masks,
        summary: job.reports.map((r) => r.summary).join(''),
    };
}
async function runTemplate(job, dir, givenInputs, prefix) {
    const template = loadTemplate(dir);
    if (template.runs.using !== 'composite')
        throw new errors/* ConfigurationError */.j1(`${dir}/action.yml is not a composite action (runs.using: ${template.runs.using}).`);
    for (const name of Object.keys(givenInputs)) {
        if (!(name in template.inputs))
            throw new errors/* ConfigurationError */.j1(`Unknown input '${name}' for ${dir}; its inputs: ${Object.keys(template.inputs).join(', ')}.`);
    }
    const steps = {};
    const baseContexts = () => ({
        github: githubContext(job),
        runner: { os: 'Linux', arch: 'X64', temp: job.options.runnerTemp, name: 'gantry-local' },
        env: job.env,
        job: { status: job.status.failed ? 'failure' : 'success' },
        steps,
        matrix: {},
        strategy: {},
        vars: {},
        secrets: {},
    });
    const inputs = {};
    for (const [name, spec] of Object.entries(template.inputs)) {
        const value = givenInputs[name] ?? (0,expressions/* interpolate */.GW)(spec.default ?? '', baseContexts(), job.status);
        if (spec.required && value === '' && givenInputs[name] === undefined) {
            throw new errors/* ConfigurationError */.j1(`Input '${name}' of ${dir} is required: pass --input ${name}=<value>.`);
        }
        inputs[name] = value;
    }
    const contexts = () => ({ ...baseContexts(), inputs });
    for (const [index, spec] of template.steps.entries()) {
        const label = `${prefix}${spec.name ? (0,expressions/* interpolate */.GW)(spec.name, contexts(), job.status) : (spec.id ?? spec.uses ?? `step ${index + 1}`)}`;
        const kind = spec.run !== undefined ? 'run' : 'suite-action';
        if (!(0,expressions/* evaluateCondition */.F9)(spec.if, contexts(), job.status)) {
            if (spec.id)
                steps[spec.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
            job.reports.push({
                name: label,
                id: spec.id,
                kind,
                uses: spec.uses,
                outcome: 'skipped',
                conclusion: 'skipped',
                durationMs: 0,
                outputs: {},
                summary: '',
                leaks: [],
            });
            job.options.log?.(`- ${label}: skipped`);
            continue;
        }
        const started = Date.now();
        const continueOnError = spec['continue-on-error'] === true ||
            (0,expressions/* interpolate */.GW)(String(spec['continue-on-error'] ?? 'false'), contexts(), job.status) === 'true';
        let report;
        try {
            report = await runOneStep(job, dir, spec, label, contexts);
        }
        catch (error) {
            if (error instanceof errors/* ConfigurationError */.j1)
                throw error;
            report = {
                name: label,
                id: spec.id,
                kind,
                uses: spec.uses,
                outcome: 'failure',
                conclusion: 'failure',
                durationMs: Date.now() - started,
                outputs: {},
                summary: '',
                leaks: [],
                error: error.message,
            };
        }
        if (report.outcome === 'failure' && continueOnError)
            report.conclusion = 'success';
        if (report.conclusion === 'failure')
            job.status.failed = true;
        if (spec.id)
            steps[spec.id] = { outputs: report.outputs, outcome: report.outcome, conclusion: report.conclusion };
        job.reports.push(report);
        job.options.log?.(`- ${label}: ${report.outcome}${report.outcome !== report.conclusion ? ' (continue-on-error)' : ''} in ${report.durationMs} ms${report.error ? ` — ${(0,runtime_text/* maskSecrets */.QU)(report.error, job.masks)}` : ''}`);
        if (job.options.showOutputs !== false) {
            for (const [key, value] of Object.entries(report.outputs))
                job.options.log?.(`    ${key} = ${(0,runtime_text/* maskSecrets */.QU)(value, job.masks)}`);
        }
    }
    const outputs = {};
    for (const [name, spec] of Object.entries(template.outputs)) {
        outputs[name] = (0,expressions/* interpolate */.GW)(String(spec.value ?? ''), contexts(), job.status);
    }
    return outputs;
}
async function runOneStep(job, templateDir, spec, label, contexts) {
    const { options } = job;
    const ctx = contexts();
    const stepEnv = { ...job.env };
    for (const [key, value] of Object.entries(spec.env ?? {}))
        stepEnv[key] = (0,expressions/* interpolate */.GW)(String(value), ctx, job.status);
    if (job.path.length)
        stepEnv.PATH = [...job.path, job.env.PATH ?? ''].join(':');
    const base = { name: label, id: spec.id, uses: spec.uses };
    if (spec.run !== undefined) {
        if (!spec.shell)
            throw new errors/* ConfigurationError */.j1(`${templateDir}: step '${label}' needs a shell: composite run steps must name one.`);
        const script = (0,expressions/* interpolate */.GW)(spec.run, ctx, job.status);
        const cwd = spec['working-directory']
            ? (0,external_node_path_.resolve)(options.workspace, (0,expressions/* interpolate */.GW)(spec['working-directory'], ctx, job.status))
            : options.workspace;
        const file = (0,external_node_path_.join)((0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.runnerTemp, 'run-')), 'script');
        (0,external_node_fs_.writeFileSync)(file, script);
        const [command, ...args] = shellCommand(spec.shell, file);
        const result = await runProcessStep('run', {
            command: command,
            args,
            env: { ...stepEnv, GITHUB_ACTION_PATH: templateDir },
            cwd,
            timeoutMs: options.timeoutMs ?? 600_000,
        }, options.runnerTemp, job.masks);
        absorb(job, result);
        return { ...base, kind: 'run', ...fromStep(result) };
    }
    if (!spec.uses)
        throw new errors/* ConfigurationError */.j1(`${templateDir}: step '${label}' has neither run nor uses.`);
    const resolved = resolveUses(spec.uses, options);
    const withInputs = {};
    for (const [key, value] of Object.entries(spec.with ?? {}))
        withInputs[key] = (0,expressions/* interpolate */.GW)(String(value), ctx, job.status);
    if (resolved.kind === 'stub') {
        job.stubbed.add(resolved.key);
        return {
            ...base,
            kind: 'stub',
            outcome: 'success',
            conclusion: 'success',
            durationMs: 0,
            outputs: resolved.outputs,
            summary: '',
            leaks: [],
        };
    }
    if (resolved.kind === 'template') {
        const started = Date.now();
        // The step's env: applies inside the sub-template; what its steps export stays for the job.
        const saved = job.env;
        const mark = job.exports.length;
        job.env = { ...stepEnv };
        const failedBefore = job.status.failed;
        try {
            const outputs = await runTemplate(job, resolved.dir, withInputs, `${label} / `);
            const failed = job.status.failed && !failedBefore;
            return {
                ...base,
                kind: 'template',
                outcome: failed ? 'failure' : 'success',
                conclusion: failed ? 'failure' : 'success',
                durationMs: Date.now() - started,
                outputs,
                summary: '',
                leaks: [],
            };
        }
        finally {
            job.env = { ...saved, ...Object.fromEntries(job.exports.slice(mark)) };
        }
    }
    const invocation = {
        actionDir: resolved.dir,
        metadata: resolved.metadata,
        inputs: withInputs,
        evaluateDefault: (value) => (0,expressions/* interpolate */.GW)(value, ctx, job.status),
        env: stepEnv,
        workspace: options.workspace,
        runnerTemp: options.runnerTemp,
        masks: job.masks,
        timeoutMs: options.timeoutMs ?? 600_000,
    };
    const result = await runNodePhase('main', invocation, {});
    absorb(job, result);
    if (resolved.metadata.runs.post) {
        const state = result.state;
        job.posts.push(async () => {
            const condition = resolved.metadata.runs['post-if'] ?? 'always()';
            if (!(0,expressions/* evaluateCondition */.F9)(condition, contexts(), job.status))
                return;
            const post = await runNodePhase('post', { ...invocation, env: { ...job.env } }, state);
            absorb(job, post);
            const report = { ...base, name: `post: ${label}`, kind: 'post', ...fromStep(post) };
            if (post.exitCode !== 0)
                job.status.failed = true;
            job.reports.push(report);
            job.options.log?.(`- post: ${label}: ${report.outcome} in ${report.durationMs} ms`);
        });
    }
    return { ...base, kind: resolved.kind, ...fromStep(result) };
}
function fromStep(result) {
    const ok = result.exitCode === 0;
    const error = ok
        ? undefined
        : (result.errors[0] ??
            (result.stderr.trim().split('\n').slice(-3).join(' / ') || `exit code ${result.exitCode}`));
    return {
        outcome: ok ? 'success' : 'failure',
        conclusion: ok ? 'success' : 'failure',
        durationMs: result.durationMs,
        outputs: result.outputs,
        summary: result.summary,
        leaks: result.leaks,
        error,
    };
}
function absorb(job, result) {
    Object.assign(job.env, result.env);
    job.exports.push(...Object.entries(result.env));
    job.path.unshift(...[...result.path].reverse());
    if (result.log.trim())
        for (const line of result.log.split('\n'))
            job.options.log?.(`    | ${line}`);
}
function shellCommand(shell, file) {
    switch (shell) {
        case 'bash':
            return ['bash', '--noprofile', '--norc', '-eo', 'pipefail', file];
        case 'sh':
            return ['sh', '-e', file];
        case 'python':
            return ['python3', file];
        default: {
            if (!shell.includes('{0}'))
                throw new errors/* ConfigurationError */.j1(`Unsupported shell '${shell}': use bash, sh, python, or a command with {0}.`);
            return shell.split(/\s+/).map((part) => part.replace('{0}', file));
        }
    }
}
/** Where a `uses:` points: the suite's own actions and templates (any ref), local paths, or a stub. */
function resolveUses(uses, options) {
    // An action or template, or a sub-action such as actions/layer-cache/save.
    const suite = /^(?:\.\/|[\w.-]+\/gantry\/)(actions|action-templates)\/([\w.-]+(?:\/[\w.-]+)?)(?:@.+)?$/.exec(uses);
    if (suite && !suite[2].split('/').some((segment) => segment === '.' || segment === '..')) {
        const dir = (0,external_node_path_.join)(options.suiteRoot, suite[1], suite[2]);
        const metadata = loadTemplate(dir);
        return { kind: suite[1] === 'actions' ? 'suite-action' : 'template', dir, metadata };
    }
    if (uses.startsWith('./')) {
        const dir = (0,external_node_path_.resolve)(options.workspace, uses);
        const metadata = loadTemplate(dir);
        if (metadata.runs.using === 'composite')
            return { kind: 'template', dir, metadata };
        if (metadata.runs.using.startsWith('node'))
            return { kind: 'local-action', dir, metadata };
        throw new errors/* ConfigurationError */.j1(`${uses}: runs.using ${metadata.runs.using} cannot run locally; stub it with --stub.`);
    }
    const key = uses.replace(/@.*$/, '');
    for (const candidate of [key, key.split('/').slice(0, 2).join('/')]) {
        const outputs = options.stubs?.[candidate];
        if (outputs)
            return { kind: 'stub', key: candidate, outputs };
    }
    throw new errors/* ConfigurationError */.j1(`The template uses ${uses}, which cannot run here. Stub it: --stub ${key}=outputs.json (a JSON object of its outputs).`);
}
function githubContext(job) {
    return {
        ...(0,expressions/* githubContextFromEnv */.S0)(job.env),
        event_name: job.options.event.name,
        event: job.options.event.payload,
        workspace: job.options.workspace,
        action_path: '',
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/local-runner/environment.ts



/**
 * The environment the runner gives every step of a job, with the event payload written to
 * GITHUB_EVENT_PATH. Nothing leaks in from the host's own CI variables: only PATH, HOME and TMPDIR.
 */
function runnerEnvironment(options) {
    const eventPath = (0,external_node_path_.join)(options.runnerTemp, '_github_workflow', 'event.json');
    (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(eventPath), { recursive: true });
    (0,external_node_fs_.writeFileSync)(eventPath, JSON.stringify(options.event?.payload ?? {}));
    const repository = options.env?.GITHUB_REPOSITORY ?? 'acme/service';
    return {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? options.runnerTemp,
        TMPDIR: process.env.TMPDIR ?? (0,external_node_os_.tmpdir)(),
        LANG: 'C.UTF-8',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: 'X64',
        RUNNER_TEMP: options.runnerTemp,
        RUNNER_TOOL_CACHE: (0,external_node_path_.join)(options.runnerTemp, '_tool'),
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_EVENT_NAME: options.event?.name ?? 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: repository,
        GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'https://api.github.com',
        GITHUB_RUN_ID: '1000',
        GITHUB_RUN_NUMBER: '1',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_WORKFLOW: 'ci',
        GITHUB_JOB: 'build',
        GITHUB_ACTOR: 'octocat',
        ...(options.debug ? { RUNNER_DEBUG: '1' } : {}),
        ...options.env,
    };
}

;// CONCATENATED MODULE: ./src/local-runner/index.ts









/***/ }),

/***/ 5205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ flattenSteps)
/* harmony export */ });
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9541);

/** Every step of a `steps:` list in document order, parallel groups and their sequences opened. */
function flattenSteps(steps, where = 'steps') {
    const flat = [];
    const walk = (list, group) => {
        if (!Array.isArray(list))
            return;
        list.forEach((item, index) => {
            if (!item || typeof item !== 'object')
                return;
            const record = item;
            if ('parallel' in record || 'sequential' in record) {
                const key = 'parallel' in record ? 'parallel' : 'sequential';
                const extra = Object.keys(record).filter((k) => k !== key);
                if (extra.length)
                    throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${where}: a ${key} group has ${extra.map((k) => `'${k}'`).join(', ')} beside '${key}'; put if:, env: and the like on its steps.`);
                walk(record[key], `${group}${group ? ' / ' : ''}${key} ${index + 1}`);
                return;
            }
            flat.push({ step: item, group });
        });
    };
    walk(steps, '');
    return flat;
}


/***/ })

};
