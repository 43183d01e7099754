export const id = 280;
export const ids = [280];
export const modules = {

/***/ 155:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* reexport safe */ _breaker_js__WEBPACK_IMPORTED_MODULE_0__.C),
/* harmony export */   Dr: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Dr),
/* harmony export */   Iu: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Iu),
/* harmony export */   Pl: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Pl),
/* harmony export */   Qq: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.Qq),
/* harmony export */   gi: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_2__.gi),
/* harmony export */   jw: () => (/* reexport safe */ _http_js__WEBPACK_IMPORTED_MODULE_3__.jw)
/* harmony export */ });
/* harmony import */ var _breaker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9103);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2881);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3688);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9663);







/***/ }),

/***/ 280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PIPELINE_DIFF_USAGE: () => (/* binding */ PIPELINE_DIFF_USAGE),
/* harmony export */   pipelineDiffCommand: () => (/* binding */ pipelineDiffCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _git_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1112);
/* harmony import */ var _net_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(155);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8350);
/* harmony import */ var _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9541);
/* harmony import */ var _code_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6525);
/* harmony import */ var _diff_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6363);
/* harmony import */ var _fingerprint_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9226);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6869);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7938);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9906);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1748);













const PIPELINE_DIFF_USAGE = `Usage:
  gantry pipeline-diff --base <commit> --head <commit> [--json] [--diff-file f] [--no-resolve]
      Builds both fingerprints from git alone (workflows and the composites they reach, uses:
      resolved with git ls-remote, lockfiles, Dockerfile and job images resolved to digests now)
      in the repository of the current directory, and prints what changed.
  gantry pipeline-diff --from a.json --to b.json [--json] [--diff-file f]
      Diffs two records (as the action stores them, gzipped or not).
  gantry pipeline-diff --mode record|diff --history dir --history-dir d …
      Runs the action itself, as in a workflow.
Exit codes: 0 ok, 2 usage or configuration error.
`;
const VALUED = ['base', 'head', 'from', 'to', 'diff-file', 'insecure-registries'];
const SWITCHES = ['json', 'no-resolve'];
function parseArgs(args) {
    const flags = new Map();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (!arg.startsWith('--'))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`unexpected argument ${JSON.stringify(arg)}.`);
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        if (SWITCHES.includes(name))
            flags.set(name, 'true');
        else if (VALUED.includes(name)) {
            const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
            if (value === undefined || value === '')
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${name} needs a value.`);
            if (flags.has(name))
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${name} is given twice.`);
            flags.set(name, value);
        }
        else
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`unknown option --${name}.`);
    }
    return flags;
}
/** `gantry pipeline-diff --base/--head` or `--from/--to`. */
async function pipelineDiffCommand(args, env, io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
}) {
    try {
        const flags = parseArgs(args);
        const pair = (a, b) => flags.has(a) || flags.has(b);
        if (pair('base', 'head') === pair('from', 'to'))
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('give either --base and --head, or --from and --to.');
        let base;
        let head;
        let code;
        if (pair('from', 'to')) {
            if (!flags.has('from') || !flags.has('to'))
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('--from and --to go together.');
            base = await readRecordFile('from', flags.get('from'));
            head = await readRecordFile('to', flags.get('to'));
        }
        else {
            if (!flags.has('base') || !flags.has('head'))
                throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1('--base and --head go together.');
            const git = new _git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .Git */ .TU(io.cwd, env);
            const resolve = flags.get('no-resolve') !== 'true';
            const client = new _oci_index_js__WEBPACK_IMPORTED_MODULE_4__/* .RegistryClient */ .bP({
                http: new _net_index_js__WEBPACK_IMPORTED_MODULE_3__/* .HttpClient */ .Qq({ proxyEnv: env }),
                credentials: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_4__/* .credentialChain */ .VU)({}, (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_4__/* .dockerConfigCredentials */ .D)(env)),
                insecureRegistries: (flags.get('insecure-registries') ?? '').split(/[\s,]+/).filter(Boolean),
            });
            const options = {
                resolveUses: resolve
                    ? (0,_resolve_js__WEBPACK_IMPORTED_MODULE_10__/* .lsRemoteResolver */ .S)(git, env.GITHUB_SERVER_URL || 'https://github.com')
                    : undefined,
                resolveImage: resolve ? (0,_resolve_js__WEBPACK_IMPORTED_MODULE_10__/* .registryResolver */ .c)(client) : undefined,
            };
            const baseSha = await commitOf(git, 'base', flags.get('base'));
            const headSha = await commitOf(git, 'head', flags.get('head'));
            base = await recordOf(git, baseSha, options);
            head = await recordOf(git, headSha, options);
            code = await (0,_code_js__WEBPACK_IMPORTED_MODULE_6__/* .codeChange */ .s)(git, baseSha, headSha);
        }
        const diff = (0,_diff_js__WEBPACK_IMPORTED_MODULE_7__/* .diffRecords */ .OM)(base, head, code);
        if (flags.has('diff-file'))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(flags.get('diff-file'), `${JSON.stringify(diff, null, 1)}\n`);
        io.stdout(flags.get('json') === 'true'
            ? `${JSON.stringify(diff, null, 1)}\n`
            : (0,_summary_js__WEBPACK_IMPORTED_MODULE_12__/* .renderSummary */ .Br)(diff, Date.now(), []));
        return 0;
    }
    catch (error) {
        io.stderr(`error: ${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(error)}\n${(0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isConfigurationError */ .p0)(error) ? `\n${PIPELINE_DIFF_USAGE}` : ''}`);
        return (0,_runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isConfigurationError */ .p0)(error) ? 2 : 1;
    }
}
async function readRecordFile(flag, path) {
    let bytes;
    try {
        bytes = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path);
    }
    catch (error) {
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${flag} ${path}: cannot be read (${error.code ?? 'error'}).`);
    }
    let record;
    try {
        const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.gunzipSync)(bytes).toString('utf8') : bytes.toString('utf8');
        record = (0,_record_js__WEBPACK_IMPORTED_MODULE_9__/* .validRecord */ .A5)(JSON.parse(text));
    }
    catch {
        record = undefined;
    }
    if (!record)
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${flag} ${path}: not a pipeline-diff record (JSON or gzipped JSON with kind gantry-pipeline-record, v 1).`);
    return record;
}
async function commitOf(git, flag, rev) {
    if (rev.startsWith('-') || /[\s\0]/.test(rev))
        throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${flag} ${JSON.stringify(rev)}: expected a commit (SHA, branch or tag).`);
    try {
        return await git.text(['rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`]);
    }
    catch (error) {
        if (error instanceof _git_index_js__WEBPACK_IMPORTED_MODULE_2__/* .GitError */ .XS || error.code === 'ENOENT')
            throw new _runtime_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`--${flag} ${JSON.stringify(rev)}: not a commit of the repository in ${git.cwd} (fetch it first?).`);
        throw error;
    }
}
async function recordOf(git, sha, options) {
    const time = Number(await git.text(['show', '-s', '--format=%ct', sha])) * 1000;
    const found = await (0,_fingerprint_js__WEBPACK_IMPORTED_MODULE_8__/* .fingerprint */ .Rj)(await _tree_js__WEBPACK_IMPORTED_MODULE_11__/* .CommitTree */ .e.open(git, sha), options);
    return {
        v: 1,
        branch: '',
        run: sha.slice(0, 12),
        attempt: 1,
        time,
        sha,
        ref: '',
        event: 'cli',
        repository: '',
        workflow: '',
        url: '',
        files: found.files,
        uses: found.uses,
        lockfiles: found.lockfiles,
        images: found.images,
        runner: {},
        toolchain: {},
        config: { env: {}, vars: {} },
        notes: found.notes,
    };
}


/***/ })

};
