export const id = 106;
export const ids = [106];
export const modules = {

/***/ 7106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PINS_USAGE: () => (/* binding */ PINS_USAGE),
  runPins: () => (/* binding */ runPins)
});

// EXTERNAL MODULE: ./src/runtime/errors.ts
var errors = __webpack_require__(9541);
// EXTERNAL MODULE: ./src/pins/audit.ts
var audit = __webpack_require__(8019);
// EXTERNAL MODULE: ./src/runtime/text.ts
var runtime_text = __webpack_require__(5369);
// EXTERNAL MODULE: ./src/pins/uses.ts
var uses = __webpack_require__(5754);
;// CONCATENATED MODULE: ./src/pins/report.ts


/** Fixed-width columns for a terminal; every cell on one line whatever the file names hold. */
function table(header, rows) {
    const cells = [header, ...rows].map((row) => row.map((cell) => (0,runtime_text/* oneLine */.TN)(cell)));
    const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
    return cells
        .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '))
        .join('\n');
}
const report_status = (failing, allowed) => (failing ? 'FAIL' : allowed ? 'allowed' : 'ok');
function auditTable(result) {
    const out = [];
    if (result.uses.length) {
        out.push(table(['status', 'where', 'pinning', 'mutable', 'suite', 'uses', 'why'], result.uses.map((u) => [
            report_status(u.failing, u.allowed),
            `${u.file}:${u.line}`,
            uses/* KIND_LABEL */.CF[u.kind],
            u.mutable ? 'yes' : 'no',
            u.suite ? 'yes' : 'no',
            u.version && u.kind === 'sha+comment' ? `${u.uses} # ${u.version}` : u.uses,
            u.reason,
        ])));
    }
    else
        out.push('No uses: references found.');
    out.push('');
    if (result.images.length) {
        out.push(table(['status', 'where', 'instruction', 'stage', 'image', 'why'], result.images.map((i) => [
            report_status(i.failing, i.allowed),
            `${i.file}:${i.line}`,
            i.instruction + (i.platform ? ` --platform=${i.platform}` : ''),
            i.stage ?? '',
            i.image,
            i.reason,
        ])));
    }
    else
        out.push('No Dockerfile base images found.');
    for (const problem of result.problems)
        out.push('', `FAIL  ${(0,runtime_text/* oneLine */.TN)(problem.message)}`);
    const mutable = result.uses.filter((u) => u.failing).length;
    const unpinned = result.images.filter((i) => i.failing).length;
    out.push('', `${result.uses.length} uses: references (${mutable} failing), ${result.images.length} base images (${unpinned} not pinned by digest), ${result.problems.length} unreadable files.`);
    return `${out.join('\n')}\n`;
}
function auditJson(result) {
    return `${JSON.stringify(result, null, 2)}\n`;
}
function setReport(result, version) {
    const lines = result.changes.map((c) => `${(0,runtime_text/* oneLine */.TN)(`${c.file}:${c.line}`)}\n  - ${(0,runtime_text/* oneLine */.TN)(c.from)}\n  + ${(0,runtime_text/* oneLine */.TN)(c.to)}`);
    for (const note of result.notes)
        lines.push(`note: ${(0,runtime_text/* oneLine */.TN)(note)}`);
    const pin = result.sha ? `${result.sha} (${version})` : version;
    lines.push(result.changes.length
        ? `Rewrote ${result.changes.length} references in ${result.files.length} files to ${pin}; ${result.unchanged} already there.`
        : `All ${result.unchanged} references already at ${pin}; nothing rewritten.`);
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/pins/set.ts + 1 modules
var set = __webpack_require__(665);
;// CONCATENATED MODULE: ./src/pins/cli.ts




const processIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};
const PINS_USAGE = `Usage:
  gantry pins audit [--json] [--allow <glob>]… [--suite owner/repo] [dir…]
      Every uses: in workflows and action.yml files, how it is pinned, which are mutable and which
      refer to the suite; every Dockerfile image not pinned by digest. Exit 1 when a third-party
      reference is mutable, a suite reference is a branch or major tag, or an image is unpinned.
  gantry pins set --version vX.Y.Z [--sha SHA | --tag-only] [--only <template>]
                  [--suite owner/repo] [--suite-remote URL] dir
      Rewrites only the suite's references to owner/repo/...@SHA # vX.Y.Z (the tag's commit,
      resolved with git ls-remote unless --sha is given) or to @vX.Y.Z with --tag-only.
      Everything else in the files is kept byte for byte; each file is replaced atomically.
Exit codes: 0 ok, 1 audit findings, 2 usage or configuration error.
`;
function parseArgs(args, valued, switches) {
    const flags = new Map();
    const positional = [];
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '--') {
            positional.push(...args.slice(i + 1));
            break;
        }
        if (!arg.startsWith('--')) {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
        let value;
        if (switches.includes(name)) {
            if (eq !== -1)
                throw new errors/* ConfigurationError */.j1(`--${name} takes no value.`);
            value = 'true';
        }
        else if (valued.includes(name)) {
            if (eq !== -1)
                value = arg.slice(eq + 1);
            else if (i + 1 < args.length)
                value = args[++i];
            else
                throw new errors/* ConfigurationError */.j1(`--${name} needs a value.`);
        }
        else
            throw new errors/* ConfigurationError */.j1(`unknown option --${name}.\n\n${PINS_USAGE}`);
        flags.set(name, [...(flags.get(name) ?? []), value]);
    }
    return { flags, positional };
}
function single(flags, name) {
    const values = flags.get(name);
    if (values && values.length > 1)
        throw new errors/* ConfigurationError */.j1(`--${name} was given ${values.length} times; give it once.`);
    return values?.[0];
}
/** `gantry pins <audit|set> …`. */
async function runPins(args, io = processIo) {
    const [sub, ...rest] = args;
    try {
        if (sub === 'audit') {
            const { flags, positional } = parseArgs(rest, ['allow', 'suite'], ['json', 'help']);
            if (flags.has('help'))
                return help(io);
            const result = await (0,audit/* audit */.s)(positional, {
                suite: single(flags, 'suite') ?? audit/* DEFAULT_SUITE */.T,
                allow: flags.get('allow') ?? [],
                env: io.env,
            });
            io.stdout(flags.has('json') ? auditJson(result) : auditTable(result));
            return result.failing ? 1 : 0;
        }
        if (sub === 'set') {
            const { flags, positional } = parseArgs(rest, ['version', 'sha', 'only', 'suite', 'suite-remote'], ['tag-only', 'help']);
            if (flags.has('help'))
                return help(io);
            const version = single(flags, 'version');
            if (version === undefined)
                throw new errors/* ConfigurationError */.j1('pins set needs --version vX.Y.Z.');
            if (positional.length !== 1)
                throw new errors/* ConfigurationError */.j1(`pins set takes exactly one directory (the service repository); got ${positional.length}.`);
            const sha = single(flags, 'sha');
            if (sha !== undefined && flags.has('tag-only'))
                throw new errors/* ConfigurationError */.j1('give either --sha or --tag-only, not both.');
            const result = await (0,set/* setPins */.Rz)(positional[0], { suite: single(flags, 'suite') ?? audit/* DEFAULT_SUITE */.T, version, sha, only: single(flags, 'only') }, { remote: single(flags, 'suite-remote'), tagOnly: flags.has('tag-only'), env: io.env });
            io.stdout(setReport(result, version));
            return 0;
        }
        if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
            io.stdout(PINS_USAGE);
            return sub === undefined ? 2 : 0;
        }
        throw new errors/* ConfigurationError */.j1(`unknown pins command ${JSON.stringify(sub)}.\n\n${PINS_USAGE}`);
    }
    catch (error) {
        if (!(0,errors/* isConfigurationError */.p0)(error))
            throw error;
        io.stderr(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 2;
    }
}
function help(io) {
    io.stdout(PINS_USAGE);
    return 0;
}


/***/ })

};
