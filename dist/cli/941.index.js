export const id = 941;
export const ids = [941];
export const modules = {

/***/ 5941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseTemplatesRunArgs: () => (/* binding */ parseTemplatesRunArgs),
/* harmony export */   templatesCommand: () => (/* binding */ templatesCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _runner_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2685);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9541);
/* harmony import */ var _runtime_metadata_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5275);
/* harmony import */ var _runtime_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5369);








const USAGE = `Usage: gantry templates run <template-dir> [--input name=value …] [--event payload.json] [--event-name push]
                           [--stub owner/action=outputs.json …] [--workspace dir] [--env NAME=value …] [--json]

Runs a composite template step by step the way the runner does. The suite's own actions run from
their bundles; a third-party action runs only as a stub you supply, and is listed as stubbed.`;
function parseTemplatesRunArgs(args, cwd = process.cwd()) {
    const parsed = {
        templateDir: '',
        inputs: {},
        eventName: 'push',
        stubs: {},
        workspace: cwd,
        env: {},
        json: false,
    };
    const pair = (flag, value) => {
        const eq = value?.indexOf('=') ?? -1;
        if (!value || eq <= 0)
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${flag} expects name=value; got ${JSON.stringify(value ?? '')}.`);
        return [value.slice(0, eq), value.slice(eq + 1)];
    };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const next = () => args[++i];
        if (arg === '--input') {
            const [k, v] = pair('--input', next());
            parsed.inputs[k] = k in parsed.inputs ? `${parsed.inputs[k]}\n${v}` : v;
        }
        else if (arg === '--env') {
            const [k, v] = pair('--env', next());
            parsed.env[k] = v;
        }
        else if (arg === '--stub') {
            const [k, file] = pair('--stub', next());
            let outputs;
            try {
                outputs = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, file), 'utf8'));
            }
            catch (error) {
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--stub ${k}: cannot read ${file} as JSON (${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error)}).`);
            }
            if (!outputs || typeof outputs !== 'object' || Array.isArray(outputs))
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--stub ${k}: ${file} must hold a JSON object of outputs.`);
            parsed.stubs[k] = Object.fromEntries(Object.entries(outputs).map(([key, value]) => [
                key,
                typeof value === 'string' ? value : JSON.stringify(value),
            ]));
        }
        else if (arg === '--event')
            parsed.eventFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, next() ?? '');
        else if (arg === '--event-name')
            parsed.eventName = next() ?? '';
        else if (arg === '--workspace')
            parsed.workspace = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, next() ?? '');
        else if (arg === '--json')
            parsed.json = true;
        else if (!arg.startsWith('--') && !parsed.templateDir)
            parsed.templateDir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(cwd, arg);
        else
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Unexpected argument ${JSON.stringify(arg)}.\n${USAGE}`);
    }
    if (!parsed.templateDir)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`Give the template directory.\n${USAGE}`);
    return parsed;
}
/** A push event for the workspace's HEAD when the user gives none. */
function generatedEvent(workspace) {
    const git = (...a) => {
        try {
            return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['-C', workspace, ...a], {
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
        }
        catch {
            return '';
        }
    };
    const after = git('rev-parse', 'HEAD');
    const before = git('rev-parse', 'HEAD^') || '0'.repeat(40);
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD') || 'main';
    return {
        payload: {
            ref: `refs/heads/${branch}`,
            before,
            after,
            repository: { default_branch: 'main', full_name: 'acme/service' },
            created: false,
            deleted: false,
            forced: false,
        },
        env: after
            ? {
                GITHUB_SHA: after,
                GITHUB_REF: `refs/heads/${branch}`,
                GITHUB_REF_NAME: branch,
                GITHUB_REF_TYPE: 'branch',
            }
            : {},
    };
}
async function templatesCommand(args) {
    if (args[0] !== 'run' || args.includes('--help') || args.includes('-h')) {
        process.stdout.write(`${USAGE}\n`);
        return args[0] === 'run' || args.includes('--help') ? 0 : 2;
    }
    let options;
    try {
        options = parseTemplatesRunArgs(args.slice(1));
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(options.workspace))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--workspace ${options.workspace} does not exist.`);
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error)}\n`);
        return 2;
    }
    const generated = generatedEvent(options.workspace);
    const payload = options.eventFile
        ? JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(options.eventFile, 'utf8'))
        : generated.payload;
    const runnerTemp = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'gantry-template-'));
    const event = { name: options.eventName, payload };
    const env = (0,_runner_index_js__WEBPACK_IMPORTED_MODULE_4__/* .runnerEnvironment */ .iU)({
        runnerTemp,
        workspace: options.workspace,
        event,
        env: { ...generated.env, ...options.env },
    });
    const log = (line) => process.stderr.write(`${line}\n`);
    try {
        log(`▸ ${options.templateDir}`);
        const report = await (0,_runner_index_js__WEBPACK_IMPORTED_MODULE_4__/* .runComposite */ .V_)({
            templateDir: options.templateDir,
            inputs: options.inputs,
            env,
            event,
            workspace: options.workspace,
            runnerTemp,
            suiteRoot: (0,_runtime_metadata_js__WEBPACK_IMPORTED_MODULE_6__/* .findSuiteRoot */ .AI)(),
            stubs: options.stubs,
            log,
        });
        if (options.json) {
            process.stdout.write(`${JSON.stringify({ ok: report.ok, outputs: report.outputs, stubbed: report.stubbed, steps: report.steps.map(({ summary: _s, ...rest }) => rest) }, null, 2)}\n`);
        }
        else {
            const rows = report.steps.map((s) => [s.name, s.kind, s.outcome, `${s.durationMs} ms`]);
            process.stdout.write(`\n${(0,_runtime_text_js__WEBPACK_IMPORTED_MODULE_7__/* .markdownTable */ .Qj)(['step', 'kind', 'outcome', 'duration'], rows)}`);
            process.stdout.write(`\nTemplate outputs:\n${JSON.stringify(report.outputs, null, 2)}\n`);
            if (report.stubbed.length)
                process.stdout.write(`\nStubbed (not run): ${report.stubbed.join(', ')}\n`);
            process.stdout.write(`\n${report.ok ? 'The template succeeded.' : 'The template FAILED.'}\n`);
        }
        return report.ok ? 0 : 1;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error)}\n`);
        return 2;
    }
}


/***/ })

};
